package loader

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Flat builds the flat text of an article, what Article().Flat() returns,
// without making its blocks: the cleaned text goes straight into memory
// kept from one article to the next. A collection search needs only that
// text. A Flat is for one goroutine at a time; its zero value is ready to
// use.
type Flat struct {
	b      blockBuilder
	sink   flatSink
	search []byte
}

// flatSink receives the blocks of a blockBuilder as flat text.
type flatSink struct {
	out    []byte
	images []int // where each image text starts in out
	n      int   // blocks written
	// since the last mark, for rewind
	markOut, markImages, markN int
	// bare: paragraphs are written without their indent and image
	// placeholders are counted, not written (see Flat.BuildBare)
	bare    bool
	skipped int
}

func (f *flatSink) sep() {
	if f.n > 0 {
		f.out = append(f.out, '\n')
	}
	f.n++
}

// add writes the text of a block; pre is the length of its indent.
func (f *flatSink) add(text []byte, pre int) {
	if f.bare {
		text = text[pre:]
	}
	f.sep()
	f.out = append(f.out, text...)
}

func (f *flatSink) image() {
	if f.bare {
		f.skipped++
		return
	}
	f.sep()
	f.images = append(f.images, len(f.out))
	f.out = append(f.out, ImageText...)
}

// mark remembers what was written so far, for rewind.
func (f *flatSink) mark() {
	f.markOut, f.markImages, f.markN = len(f.out), len(f.images), f.n
}

// rewind takes back what was written since the last mark.
func (f *flatSink) rewind() {
	f.out, f.images, f.n = f.out[:f.markOut], f.images[:f.markImages], f.markN
	f.skipped = 0
}

// maxFlatKept is the largest buffer a Flat keeps for the next article.
const maxFlatKept = 1 << 20

// maxPiecesKept is the most pieces of appendBanners a Flat keeps room for.
const maxPiecesKept = 1 << 10

func (f *Flat) start(bare bool) {
	if cap(f.sink.out) > maxFlatKept {
		f.sink.out = nil
	}
	if cap(f.b.buf) > maxFlatKept {
		f.b.buf = nil
	}
	if cap(f.search) > maxFlatKept {
		f.search = nil
	}
	f.sink = flatSink{out: f.sink.out[:0], images: f.sink.images[:0], bare: bare}
	if cap(f.b.pieces) > maxPiecesKept {
		f.b.pieces = nil
	}
	f.b = blockBuilder{buf: f.b.buf[:0], flat: &f.sink, pieces: f.b.pieces[:0]}
}

// Build makes the text of f the flat text of s.Article(): the title
// heading, then the blocks of the cleaned text, joined with "\n". For
// binary content it is the title heading alone, as Article gives it.
func (f *Flat) Build(s Source) {
	f.start(false)
	if title := trimSpace(SanitizeLine(s.Entry.Title)); title != "" {
		f.sink.sep()
		f.sink.out = append(f.sink.out, title...)
	}
	f.sink.mark()
	if s.Encoding != EncBinary {
		cleanSaneInto(&f.b, s.cleanText())
	}
}

// BuildBare makes the text of f the paragraphs and headings of
// Clean(s.Text) without the indent, one a line, without the image
// placeholders, which Images counts: the text of an export.
func (f *Flat) BuildBare(s Source) {
	f.start(true)
	f.sink.mark()
	cleanSaneInto(&f.b, s.cleanText())
}

// Text returns the text built last. It is valid until the next Build.
func (f *Flat) Text() string {
	return unsafe.String(unsafe.SliceData(f.sink.out), len(f.sink.out))
}

// Images returns the number of image placeholders BuildBare left out.
func (f *Flat) Images() int { return f.sink.skipped }

// SearchText returns the text built last as SearchText returns it: each
// image placeholder blanked out with NUL bytes. It is valid until the
// next Build.
func (f *Flat) SearchText() string {
	if len(f.sink.images) == 0 {
		return f.Text()
	}
	f.search = append(f.search[:0], f.sink.out...)
	for _, i := range f.sink.images {
		clear(f.search[i : i+len(ImageText)])
	}
	return unsafe.String(unsafe.SliceData(f.search), len(f.search))
}

// trimSpace is strings.TrimSpace for valid UTF-8, telling without decoding
// a text that starts and ends with a word, an ideograph or a punctuation
// mark, as titles do (see trimEnd).
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	switch c := s[0]; {
	case c > ' ' && c < utf8.RuneSelf, c >= 0xe4 && c <= 0xef,
		c == 0xe3 && len(s) >= 3 && (s[1] != 0x80 || s[2] != 0x80): // not U+3000
		if trimEnd(bytesOf(s), 0) == len(s) {
			return s
		}
	}
	return strings.TrimSpace(s)
}
