"""Clean text: files, HTML and JSONL read, decoded and normalised, with the spaCy pipeline around underthesea."""
