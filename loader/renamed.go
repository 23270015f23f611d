package loader

import (
	"bytes"
	"io/fs"
	"strings"
)

// A crawled article sometimes reaches a collection renamed
// ("seed-article.txt"), but its first line still holds the name it was
// crawled under ("306吉林省……召开.txt"). For a file whose own name has no
// number prefix, the prefix and title come from that line when it is such
// a name. Only those files are read: a crawl named as usual is listed from
// its names alone.

// headLen is how much of a file is decoded to find its first line.
const headLen = 1024

// fromFirstLine sets the prefix and title of e from the first line of its
// file when e's name has no prefix and that line is an article name
// (<digits><title>.txt, in any encoding Decode knows). rd's buffer is
// reused between calls.
func fromFirstLine(fsys fs.FS, e *Entry, rd *Reader) {
	if e.Prefix != "" {
		return
	}
	b, err := readFile(fsys, e.RelPath, rd.buf)
	if err != nil {
		return
	}
	if cap(b) <= maxKept {
		rd.buf = b[:0]
	}
	// the first line alone, so that a cut character cannot change what
	// Decode takes the encoding to be; UTF-16 (its BOM first) is cut at an
	// even length
	if len(b) > headLen {
		b = b[:headLen]
	}
	if utf16 := len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff); !utf16 {
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[:i+1]
		}
	}
	if IsBinary(b) {
		return
	}
	text, _ := Decode(b)
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
	if prefix, title, ok := ArticleName(line); ok {
		e.Prefix, e.Title = prefix, title
	}
}

// ArticleName reports whether line is the name of an article file,
// <digits><title>.txt with a title, and returns its prefix and title as
// ParseName does.
func ArticleName(line string) (prefix, title string, ok bool) {
	if line == "" || line[0] < '0' || line[0] > '9' || !hasTxt(line) || len(line) > 255 ||
		strings.ContainsAny(line, "/\\") {
		return "", "", false
	}
	prefix, title = ParseName(line)
	title = strings.TrimSpace(title)
	return prefix, title, title != ""
}
