"""Readers: each turns one kind of input into the block stream of :mod:`lgo_decisions.tokens`."""
