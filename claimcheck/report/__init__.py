"""Reporters: each renders findings or claims to text and does nothing else."""
