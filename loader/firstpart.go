package loader

import (
	"strings"
	"unicode/utf8"
)

// FirstPart cleans only the beginning of a huge article, about n bytes of
// its text, so that it can be shown while the whole is cleaned. The part
// ends before a tag (or, without any, at the end of a line), and its last
// block, which the cut may have shortened, is left out: the blocks it
// returns are the first blocks of s.Article(). ok is false when the text
// is less than 2n bytes, binary, or offers no place to cut.
func (s Source) FirstPart(n int) (a Article, ok bool) {
	if s.Encoding == EncBinary || len(s.Text) < 2*n {
		return Article{}, false
	}
	rest := s.Text[n : 2*n]
	i := strings.IndexByte(rest, '<')
	if i < 0 {
		i = strings.IndexByte(rest, '\n')
	}
	if i < 0 {
		return Article{}, false
	}
	cut := n + i
	for cut > 0 && !utf8.RuneStart(s.Text[cut]) {
		cut--
	}
	blocks := Document(s.Entry.Title, Clean(s.Text[:cut]))
	if len(blocks) < 2 {
		return Article{}, false
	}
	return Article{Entry: s.Entry, Blocks: blocks[:len(blocks)-1], Encoding: s.Encoding, Size: s.Size}, true
}
