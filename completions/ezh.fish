complete --keep-order --exclusive --command ezh --arguments "(COMPLETE=fish ezh -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
