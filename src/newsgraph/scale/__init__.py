"""Scale-out: the per-article analysis run serially, on a local process pool or on Dask, and a Parquet
dataset that a cluster run writes instead of funnelling every result through one SQLite file."""
