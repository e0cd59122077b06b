"""Names and notes with HTML and Markdown in them, typed into the pages by the security tests
(tests/test_security_pages.py under AppTest, tests/test_security_browser.py in Chromium): each
must show exactly as typed."""

IMG = "<img src=x onerror=alert(1)>**b**[c](javascript:alert(1))"
SCRIPT = "<script>alert(1)</script>:red[x] $x^2$ www.evil.io"
MARKDOWN = "# h > q | t | `code` ~~s~~ _i_&amp; :material/home: 1."
NOTE = "**n** [x](javascript:alert(1)) :red[x] <b>b</b>"
