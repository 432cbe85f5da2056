"""``wksbm init``: the files of a new records repository, written without overwriting any."""
