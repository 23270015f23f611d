package reader

import (
	"strings"

	"newsbrowse/loader"
	"newsbrowse/tui/intent"
)

// copyText is what y copies: the paragraph holding the current search
// match when there is one, else the whole text on screen (the cleaned
// article, paragraphs apart by a blank line, or the raw source).
func (m *Model) copyText() intent.Intent {
	d := m.active()
	if s := m.search; s.cur >= 0 && s.cur < len(s.matches) {
		off := s.matches[s.cur][0]
		if off <= len(d.flat) {
			a := strings.LastIndexByte(d.flat[:off], '\n') + 1
			b := strings.IndexByte(d.flat[off:], '\n')
			if b < 0 {
				b = len(d.flat)
			} else {
				b += off
			}
			return intent.Copy{What: "the paragraph", Text: d.flat[a:b]}
		}
	}
	if d.raw {
		return intent.Copy{What: "the source", Text: d.flat}
	}
	texts := make([]string, len(d.blocks))
	for i, b := range d.blocks {
		texts[i] = b.Text
	}
	what := "the article"
	if m.partial {
		what = "the part of the article cleaned so far"
	}
	return intent.Copy{What: what, Text: strings.Join(texts, "\n\n")}
}

// CopyTitle is what Y copies: the article's number and title, and its
// path in the collection.
func CopyTitle(e loader.Entry) intent.Intent {
	title := strings.TrimSpace(e.Prefix + " " + e.Title)
	return intent.Copy{What: "the title and path", Text: title + "\n" + loader.DisplayPath(e.RelPath)}
}
