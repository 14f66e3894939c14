"""What Navigator does so that nothing is left behind on the computer, in plain Python (no Qt).

- ``process``: switch off the writes the libraries under Navigator would make (caches, session
  files, bytecode), before Qt starts;
- ``remembered``: the one opt-in file, the person's display settings, encrypted;
- ``files``: writing a file the person asked for, whole or not at all.

What each promise rests on, and the test that proves it, is in PRIVACY.md.
"""
