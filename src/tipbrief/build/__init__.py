"""The build machinery: the fact base assembled incrementally (cache, workers), briefs rendered
(the PDF printer process), and outputs written atomically with the manifest last.

May import the fact side, the brief side and ``tipbrief.common``; never the editor tools or commands.
"""
