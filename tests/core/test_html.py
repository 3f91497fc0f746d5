from hent.core.html import sanitize


def test_sanitize_keeps_structure_and_drops_what_could_run():
    dirty = (
        '<h5>Accès</h5><p onclick="x()">Un <strong>CAP</strong> <a href="javascript:alert(1)">ici</a>'
        '<a href="https://onisep.fr/x">là</a></p><script>alert(1)</script><img src=x onerror=alert(1)>'
        '<iframe src="https://evil.example"></iframe><ul><li>un</li></ul>'
    )
    clean = sanitize(dirty)
    assert "<h5>Accès</h5>" in clean and "<strong>CAP</strong>" in clean and "<li>un</li>" in clean
    assert "script" not in clean and "onclick" not in clean and "onerror" not in clean
    assert "javascript:" not in clean and "<iframe" not in clean and "<img" not in clean
    assert 'href="https://onisep.fr/x"' in clean and 'rel="nofollow noopener noreferrer"' in clean


def test_sanitize_decodes_escaped_publisher_html():
    assert sanitize("&lt;p&gt;Le titulaire&lt;/p&gt;", unescape=True) == "<p>Le titulaire</p>"
    assert sanitize("") == "" and sanitize(None) == ""
