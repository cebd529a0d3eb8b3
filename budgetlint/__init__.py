from .layout import read_path, read_text, read_document
from .source import NotText
