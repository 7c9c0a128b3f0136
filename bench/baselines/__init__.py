"""The bare apps each variant is compared with, run from the variant's own environment.

The server imports them by module name with this folder as its working
directory, so they are plain top-level modules there, not imported as
`bench.baselines`.
"""
