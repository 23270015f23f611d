package loader

import (
	"encoding/binary"
	"strings"
	"unsafe"

	"golang.org/x/net/html"
)

// scanTagsInto builds into b the blocks of the text made of pieces as
// tokenizeInto does, without the HTML tokenizer, for the markup nearly
// every article is made of: start and end tags with any attributes, text
// and character references. It reads tags exactly as
// golang.org/x/net/html's Tokenizer does (readTag, readTagAttrKey,
// readTagAttrVal), so the text between them, the tag names and where the
// input ends are the same. It reports false when the text holds what it
// leaves to the tokenizer: a comment or declaration ("<!") or a start tag
// whose content the tokenizer reads as raw text (script, style, title,
// textarea…); b then holds part of the text and must be reset.
// TestScanTagsSameAsTokenizer and FuzzScanTags compare the two.
//
// The pieces are read one after the other, each in place: the text they
// make is never joined into one copy (for a huge one-line article that
// copy was as big as the article). The pieces of appendBanners each end
// with a newline, which ends any character reference and where a text
// token may be handed over in two parts; a tag, or a text, that may go on
// into the next piece is left to the tokenizer.
func scanTagsInto(b *blockBuilder, pieces []string) bool {
	var seen seenTag // the last long start tag read, see scanPiece
	for i, s := range pieces {
		last := i == len(pieces)-1
		if !last && !strings.HasSuffix(s, "\n") {
			return false
		}
		switch scanPiece(b, s, last, &seen) {
		case pieceLeft:
			return false
		case pieceEnded:
			b.flush()
			return true
		}
	}
	b.flush()
	return true
}

// What scanPiece found.
const (
	pieceRead  = iota // the piece is read; the text goes on in the next one
	pieceEnded        // the input ends inside a tag or comment: the rest is dropped
	pieceLeft         // a tag or comment runs into the next piece: leave the text to the tokenizer
)

// scanPiece reads the piece s into b; last tells whether the input ends
// with it. seen is the last start tag of at least minSeen bytes read: a
// start tag made of the same bytes is not read again (crawled articles
// repeat one long <span style='...'> before every paragraph). readTag
// reads nothing past the ">" it stops at, so the same bytes give the same
// name and the same end.
func scanPiece(b *blockBuilder, s string, last bool, seen *seenTag) int {
	// cut is what a tag or comment cut by the end of s means
	cut := pieceEnded
	if !last {
		cut = pieceLeft
	}
	text := 0 // start of the text not yet handed to b
	for pos := 0; ; {
		lt := pos // a tag right after the last one is not searched for
		if lt >= len(s) || s[lt] != '<' {
			k := strings.IndexByte(s[pos:], '<')
			if k < 0 {
				break
			}
			lt += k
		}
		if lt+1 >= len(s) {
			if !last {
				return pieceLeft
			}
			break // a "<" at the end is text
		}
		if kind, end := commonTag(s, lt); end > 0 {
			if text < lt { // no call for the nothing between two tags
				b.textToken(s[text:lt])
			}
			if s[lt+1] == '/' {
				endTag(b, kind)
			} else {
				startTag(b, kind)
			}
			text, pos = end, end
			continue
		}
		c := s[lt+1]
		switch {
		case asciiLetter(c):
			if text < lt { // no call for the nothing between two tags
				b.textToken(s[text:lt])
			}
			var name string
			end := -1
			if k := len(seen.tag); k > 0 && lt+k <= len(s) && s[lt+1] == seen.tag[1] && s[lt:lt+k] == seen.tag {
				name, end = seen.name, lt+k
			} else if name, end = readTag(s, lt+1); end-lt >= minSeen {
				*seen = seenTag{tag: s[lt:end], name: name}
			}
			if end < 0 {
				return cut // a tag cut by the end of the input is dropped
			}
			kind := tagKindOf(name)
			if kind == tagSkip || kind == tagText {
				// the tokenizer's raw text tags are all of these two
				// kinds (TestRawTextTagsLeftToTokenizer)
				return pieceLeft
			}
			startTag(b, kind)
			text, pos = end, end
		case c == '/':
			if lt+2 >= len(s) {
				if !last {
					return pieceLeft
				}
				pos = len(s) // "</" at the end is text
				continue
			}
			if text < lt { // no call for the nothing between two tags
				b.textToken(s[text:lt])
			}
			end := -1
			if c2 := s[lt+2]; c2 == '>' {
				end = lt + 3 // "</>" is nothing
			} else if asciiLetter(c2) {
				var name string
				if name, end = readTag(s, lt+2); end >= 0 {
					endTag(b, tagKindOf(name))
				}
			} else if i := strings.IndexByte(s[lt+2:], '>'); i >= 0 {
				end = lt + 2 + i + 1 // a bogus comment, up to ">"
			}
			if end < 0 {
				return cut
			}
			text, pos = end, end
		case c == '?':
			if text < lt { // no call for the nothing between two tags
				b.textToken(s[text:lt])
			}
			i := strings.IndexByte(s[lt+1:], '>')
			if i < 0 {
				return cut // the comment runs to the end
			}
			text, pos = lt+1+i+1, lt+1+i+1
		case c == '!':
			return pieceLeft
		default:
			pos = lt + 1 // a "<" that starts no tag is text
		}
	}
	b.textToken(s[text:])
	return pieceRead
}

// The tags between the paragraphs of crawled articles, as they write
// them, each read as a little-endian number (TestCommonTagWords checks).
const (
	divOpen   = 0x3e7669643c     // "<div>"
	divClose  = 0x3e7669642f3c   // "</div>"
	spanClose = 0x3e6e6170732f3c // "</span>"
)

// commonTag tells the tags of crawled articles without readTag: when the
// eight bytes of s at lt start with "<div>", "</div>" or "</span>", it
// returns the kind of the tag and the position after its ">", what
// readTag and tagKindOf give; otherwise end is -1.
func commonTag(s string, lt int) (kind tagKind, end int) {
	if lt+8 > len(s) {
		return 0, -1
	}
	w := binary.LittleEndian.Uint64(bytesOf(s[lt : lt+8]))
	switch {
	case w&(1<<40-1) == divOpen:
		return tagBlock, lt + 5
	case w&(1<<48-1) == divClose:
		return tagBlock, lt + 6
	case w&(1<<56-1) == spanClose:
		return tagInline, lt + 7
	}
	return 0, -1
}

// minSeen is the length from which a start tag is remembered (see
// scanPiece): a shorter one costs less to read than to compare.
const minSeen = 24

// seenTag is a start tag scanPiece has read: its text from "<" to ">"
// and its name.
type seenTag struct{ tag, name string }

// textToken adds the text between two tags, a piece of sanitized text,
// its character references decoded as the tokenizer's Text does. What is
// not a reference is added as sanitized text (saneText); what references
// decode to is not: it is told rune by rune (text).
//
// html.UnescapeString copies what comes before an "&" as it is, and a
// reference of commonRefs, which ends with its ";", decodes the same
// whatever follows it: text with only such references is decoded here,
// without a copy. From any other reference on, UnescapeString decodes the
// rest.
func (b *blockBuilder) textToken(s string) {
	if s == "&nbsp;" {
		// <div>&nbsp;</div>, between the paragraphs of nearly every
		// crawled article: NBSP is white space that collapses, dropped
		// when no block is open (see addRune)
		if b.open {
			b.space = true
		}
		return
	}
	for s != "" {
		amp := strings.IndexByte(s, '&')
		if amp < 0 {
			b.saneText(bytesOf(s))
			return
		}
		b.saneText(bytesOf(s[:amp]))
		s = s[amp:]
		if semi := strings.IndexByte(s[:min(len(s), maxCommonRef)], ';'); semi >= 0 {
			if d, ok := commonRef(s[:semi+1]); ok {
				b.text(bytesOf(d))
				s = s[semi+1:]
				continue
			}
		}
		b.text(bytesOf(html.UnescapeString(s)))
		return
	}
}

// bytesOf returns the bytes of s, for reading only.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

func asciiLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// tagSpace is the white space of the tokenizer's tags.
func tagSpace(c byte) bool { return tagBytes[c]&isSpace != 0 }

// What the bytes of a tag are to its reader, in tagBytes.
const (
	isSpace   = 1 << iota // tagSpace
	endsName              // ends a tag name: white space, "/" or ">"
	endsKey               // ends an attribute key: what ends a name, or "="
	endsValue             // ends an unquoted attribute value: white space or ">"
)

// tagBytes holds what each byte is to readTag, for one look-up instead
// of a comparison with each byte that matters.
var tagBytes = func() (t [256]uint8) {
	for _, c := range []byte(" \n\r\t\f") {
		t[c] = isSpace | endsName | endsKey | endsValue
	}
	t['/'] = endsName | endsKey
	t['>'] = endsName | endsKey | endsValue
	t['='] = endsKey
	return t
}()

// readTag reads a tag whose name starts at i (after "<" or "</") as the
// tokenizer's readTag does, and returns its name and the position after
// its ">", or -1 when the input ends first.
func readTag(s string, i int) (name string, end int) {
	p := i + 1
	for p < len(s) && tagBytes[s[p]]&endsName == 0 {
		p++
	}
	if p >= len(s) {
		return "", -1
	}
	name = s[i:p]
	if tagSpace(s[p]) {
		p++
	}
	p = skipTagSpace(s, p)
	for p < len(s) && s[p] != '>' {
		// the key: up to white space, "/" or ">", or "=" but as its first
		// byte; a "/" first is read as the value
		if s[p] != '/' {
			p++
			for p < len(s) && tagBytes[s[p]]&endsKey == 0 {
				p++
			}
		}
		// the value
		if p = skipTagSpace(s, p); p >= len(s) {
			return "", -1
		}
		switch s[p] {
		case '/':
			p++
		case '=':
			if p = skipTagSpace(s, p+1); p >= len(s) {
				return "", -1
			}
			switch q := s[p]; q {
			case '>':
			case '\'', '"':
				j := strings.IndexByte(s[p+1:], q)
				if j < 0 {
					return "", -1
				}
				p += 1 + j + 1
			default:
				for p < len(s) && tagBytes[s[p]]&endsValue == 0 {
					p++
				}
				if p < len(s) && tagSpace(s[p]) {
					p++
				}
			}
		}
		p = skipTagSpace(s, p)
	}
	if p >= len(s) {
		return "", -1
	}
	return name, p + 1
}

func skipTagSpace(s string, p int) int {
	for p < len(s) && tagSpace(s[p]) {
		p++
	}
	return p
}
