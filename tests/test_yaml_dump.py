"""What Plein writes (new profiles, replies, imports) reads back as written with Plein's own
loader: a value such as the GitLab username '1.0e3' must not come back as the number 1000.0."""
from hypothesis import given, settings
from hypothesis import strategies as st

from plein.model.yamlio import dump, loads

CASES = ["1.0e3", "1e3", "-2.5", "0x1F", "no", "off", "2019-03-01", "12:30", "~", ".inf", "+31 30 123 4567",
         "@jan.devries", "a: b", "# niet", "Jan de Vries", "'quoted'", "ja", "nee", "null", "007"]


def test_known_values_read_back_as_written():
    for value in CASES:
        text = dump({"a": value, "l": [value]})
        assert loads(text) == {"a": value, "l": [value]}, text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30))
def test_any_one_line_text_reads_back(value):
    text = dump({"a": value})
    assert loads(text) == {"a": value}, text
