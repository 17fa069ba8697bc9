"""Import stage: saved web pages and PDFs become article text and a sidecar of metadata.

Imports ``common`` only: the facts stage reads what this stage writes, as it reads hand-written
articles, and neither knows of the other.
"""
