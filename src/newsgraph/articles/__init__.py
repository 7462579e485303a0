"""Reading news from every format a newsroom or researcher has, into clean `Article`s.

`reading.read_items` is the entry point; one module per format (`html`, `plaintext`, `records`,
`feeds`, `warc`), plus `formats` (what is this file?), `decoding` (bytes to text), `identity`
(stable ids) and `dates` (metadata dates).
"""
