"""Tools for editors writing brief specs: the live preview.

May import the build machinery and everything below it; never the commands.
"""
