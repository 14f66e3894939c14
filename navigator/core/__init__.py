"""Pure-Python core: content models, loader, pathway engine, plan, search. Never imports Qt."""
