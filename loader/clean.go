package loader

import (
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Clean turns the decoded content of an article file into blocks of text
// fit for display:
//   - line 1, the file's own name repeated, is dropped when it ends in
//     ".txt" and holds no "<";
//   - the image banner (three lines of dashes, the middle one reading
//     这里有图片) becomes one Image block, wherever it stands; a lone line of
//     ten or more dashes is dropped; an <img> tag is an Image block;
//   - HTML is tokenized: block elements end paragraphs, inline ones do not,
//     h1–h6 become Heading blocks, the content of script, style and title
//     and comments vanish, character references are decoded exactly once;
//   - running text follows the rules of blockBuilder: blank lines separate
//     paragraphs, single newlines join lines (CJK-aware), whitespace runs
//     collapse;
//   - each paragraph is trimmed (U+3000 and NBSP included) and starts with
//     Indent; empty paragraphs are dropped;
//   - controls and bidi characters are removed before and after character
//     references are decoded (see Sanitize).
//
// Text without any markup goes through the same path: the tokenizer hands
// it over as one text token.
func Clean(text string) []Block {
	var b blockBuilder
	cleanInto(&b, text)
	return b.blocks
}

// cleanInto is Clean, building into b.
func cleanInto(b *blockBuilder, text string) {
	cleanSaneInto(b, Sanitize(normalizeNewlines(text)))
}

// cleanSaneInto is cleanInto for text whose line ends are normalized and
// that Sanitize leaves as it is.
func cleanSaneInto(b *blockBuilder, text string) {
	b.pieces = appendBanners(b.pieces[:0], text)
	parseInto(b, b.pieces)
	clear(b.pieces) // the text is not held until the next one
}

// Document returns an article as shown: a Heading with the title, then the
// body. The title is sanitized for a single line and trimmed; an empty
// title gives no heading.
func Document(title string, body []Block) []Block {
	title = strings.TrimSpace(SanitizeLine(title))
	if title == "" {
		return body
	}
	doc := make([]Block, 0, len(body)+1)
	doc = append(doc, Block{Kind: Heading, Text: title})
	return append(doc, body...)
}

// insertedRunes holds every character that Document, Clean and Flatten can
// write without taking it from the title or the text: the indent, the
// space a whitespace run collapses to, the newline of a line separator and
// between blocks, U+FFFD and the image text.
const insertedRunes = Indent + " \n\uFFFD" + ImageText

// Origins returns texts holding every character of the flat text of
// s.Article(): the text, the title, the characters the character
// references of the text decode to (see References), and those cleaning
// inserts. Cleaning only removes characters (markup, controls, the first
// line, whitespace), puts inserted characters in place of some and decodes
// references: it never writes anything else. A search whose query needs a
// character that none of these texts holds (after folding, character by
// character) cannot match the article, which then need not be cleaned.
func (s Source) Origins() [4]string {
	p := s.PlainOrigins()
	return [4]string{p[0], p[1], p[2], References(s.Text)}
}

// PlainOrigins is Origins without the references, the one text of them
// that has to be built: a search that finds what it needs in these need
// not build it (see match.Matcher.MayOccurThen).
func (s Source) PlainOrigins() [3]string {
	return [3]string{s.Text, s.Entry.Title, insertedRunes}
}

// References returns what every "&" of text may start to decode to when
// Clean reads text (a superset: a reference the tokenizer never sees, in a
// tag or a comment, is decoded too). A reference is read from "&" through
// letters, digits, "#" and ";", and stops at the first ";"; Clean removes
// controls and bidi characters before the tokenizer decodes references, so
// they are skipped here too.
func References(text string) string {
	var out strings.Builder
	for {
		i := strings.IndexByte(text, '&')
		if i < 0 {
			return out.String()
		}
		text = text[i:]
		n, skipped := 1, false
		for n < len(text) {
			c := text[n]
			if refByte(c) {
				n++
				if c == ';' {
					break
				}
				continue
			}
			r, size := utf8.DecodeRuneInString(text[n:])
			if r == '\r' || classify(r) != drop {
				break // normalizeNewlines makes "\r" a newline
			}
			skipped = true
			n += size
		}
		ref := text[:n]
		text = text[n:]
		if skipped {
			ref = Sanitize(ref)
		}
		if d, ok := commonRefs[ref]; ok {
			out.WriteString(d)
		} else {
			out.WriteString(html.UnescapeString(ref))
		}
	}
}

// refByte reports whether c may continue a character reference.
func refByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '#' || c == ';'
}

// commonRefs holds the decoding of frequent references, the same as
// html.UnescapeString gives (TestCommonRefs checks), to spare a call.
var commonRefs = map[string]string{
	"&nbsp;": "\u00a0", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"",
	"&ldquo;": "\u201c", "&rdquo;": "\u201d", "&lsquo;": "\u2018", "&rsquo;": "\u2019",
	"&mdash;": "\u2014", "&ndash;": "\u2013", "&hellip;": "\u2026", "&middot;": "\u00b7",
}

// maxCommonRef is the length of the longest key of commonRefs.
const maxCommonRef = len("&hellip;")

// commonRef looks s up in commonRefs. A text longer than every key is not
// looked up: hashing it would cost more than all the rest done with it.
func commonRef(s string) (string, bool) {
	if s == "&nbsp;" {
		return "\u00a0", true // nearly every article: <div>&nbsp;</div>
	}
	if len(s) > maxCommonRef {
		return "", false
	}
	d, ok := commonRefs[s]
	return d, ok
}

// parseInto builds into b, which must be fresh, the blocks of the text
// made of pieces. Text without markup is handed over as it is (the
// tokenizer would make one text token of it, with the character references
// decoded); otherwise scanTagsInto reads the pieces, or, where it gives
// up, the tokenizer. The text must be sanitized (Sanitize leaves it as it
// is, imageMark aside): what it holds outside character references is
// not told again rune by rune (see saneText).
func parseInto(b *blockBuilder, pieces []string) {
	markup := false
	for _, p := range pieces {
		markup = markup || strings.IndexByte(p, '<') >= 0
	}
	if markup {
		if scanTagsInto(b, pieces) {
			return
		}
		b.reset()
		tokenizeInto(b, pieces)
		return
	}
	for _, p := range pieces {
		// a reference never spans pieces: they end at the end of a line
		b.textPiece(p)
	}
	b.flush()
}

// tokenizeInto runs the HTML tokenizer over the pieces and builds the
// blocks into b.
func tokenizeInto(b *blockBuilder, pieces []string) {
	readers := make([]io.Reader, len(pieces))
	for i, p := range pieces {
		readers[i] = strings.NewReader(p)
	}
	z := html.NewTokenizer(io.MultiReader(readers...))
	skip := false // after <script>, <style>, <title>: their text is dropped
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			b.flush()
			return
		case html.TextToken:
			if !skip {
				b.text(z.Text())
			}
			continue
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			kind := tagKindOf(string(name))
			if kind == tagText {
				// textarea, xmp, plaintext…: the tokenizer would hand
				// their content over as raw text, tags and all.
				// Tokenize it.
				z.NextIsNotRawText()
			}
			startTag(b, kind)
			skip = kind == tagSkip
			continue
		case html.EndTagToken:
			name, _ := z.TagName()
			endTag(b, tagKindOf(string(name)))
		}
		skip = false
	}
}

// startTag applies an opening tag of the given kind.
func startTag(b *blockBuilder, kind tagKind) {
	switch kind {
	case tagBlock:
		b.flush()
	case tagHeading:
		b.flush()
		b.heading = true
	case tagImage:
		b.image()
	case tagText:
		b.flush()
	}
}

// endTag applies a closing tag of the given kind.
func endTag(b *blockBuilder, kind tagKind) {
	switch kind {
	case tagBlock, tagText, tagHeading:
		// A heading ends with its own end tag, or at the latest with
		// the block around it.
		b.flush()
		b.heading = false
	}
}
