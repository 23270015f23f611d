// Package export turns the articles of a collection into JSON Lines for
// text pipelines: one object per article, in list order, holding the
// cleaned text without indents and image lines.
package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"strings"

	"newsbrowse/loader"
	"newsbrowse/loader/ordered"
)

// Record is one line of the export. The keys follow the conventions of
// corpora: Dolma's id and text, news2016zh's title (its content is Text).
type Record struct {
	ID       string `json:"id"`       // SHA-256 of the file's bytes, in hex
	Prefix   string `json:"prefix"`   // the number the file name starts with ("" if none)
	Title    string `json:"title"`    // the title from the file name
	Path     string `json:"path"`     // the relative path as --list shows it
	Encoding string `json:"encoding"` // utf-8, utf-8-bom, utf-16le, utf-16be or gb18030
	Images   int    `json:"images"`   // image placeholders left out of Text
	Text     string `json:"text"`     // the paragraphs, one a line, without indent
}

// ID returns the stable identifier of a file's content: the SHA-256 of
// its bytes, in lower-case hex.
func ID(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Text returns the text of cleaned blocks for export: each paragraph or
// heading on a line of its own, without the paragraph indent, and the
// number of image placeholders, which are left out.
func Text(blocks []loader.Block) (text string, images int) {
	var b strings.Builder
	for _, blk := range blocks {
		if blk.Kind == loader.Image {
			images++
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimPrefix(blk.Text, loader.Indent))
	}
	return b.String(), images
}

// FromSource returns the record of a decoded, text article whose file
// held the bytes with the identifier id.
func FromSource(src loader.Source, id string) Record {
	text, images := Text(loader.Clean(src.Text))
	return record(src, id, text, images)
}

// record returns the record of src with its text and images.
func record(src loader.Source, id, text string, images int) Record {
	return Record{
		ID:       id,
		Prefix:   src.Entry.Prefix,
		Title:    strings.TrimSpace(loader.SanitizeLine(src.Entry.Title)),
		Path:     loader.DisplayPath(src.Entry.RelPath),
		Encoding: src.Encoding,
		Images:   images,
		Text:     text,
	}
}

// Encode returns r as one line of JSON: UTF-8, with <, > and & as they are
// (not escaped for HTML), ending in a newline.
func Encode(r Record) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(r) // a Record of strings and an int always encodes
	return buf.Bytes()
}

// Line is the export of one entry: its JSON line, or why it has none.
type Line struct {
	Entry loader.Entry
	JSON  []byte // the encoded record with its newline; nil when Err is set
	Err   error  // the file could not be read, or is binary (loader.ErrBinary)
}

// Worker is the memory one goroutine of Run reuses from one article to
// the next: the read buffer and the cleaned text. Its zero value is ready
// to use, by one goroutine at a time.
type Worker struct {
	rd   loader.Reader
	flat loader.Flat
}

// Entry reads the article e of fsys and returns its line: the record
// FromSource gives, its text written by cleaning straight into w's
// memory (loader.Flat.BuildBare) rather than made of blocks.
func (w *Worker) Entry(fsys fs.FS, e loader.Entry) Line {
	b, err := w.rd.ReadBytes(fsys, e)
	if err != nil {
		return Line{Entry: e, Err: err}
	}
	id := ID(b)
	// the text stays in w's read buffer until the line is encoded
	src, err := loader.SourceOfShared(e, b)
	if err != nil {
		return Line{Entry: e, Err: err}
	}
	w.flat.BuildBare(src)
	// Encode copies the text, which lives in w's memory, into the line
	return Line{Entry: e, JSON: Encode(record(src, id, w.flat.Text(), w.flat.Images()))}
}

// Run exports the entries of fsys on workers goroutines, calling emit for
// each entry in their order, from the calling goroutine. Like grep.Search
// it keeps a bounded number of lines in memory, whatever the number of
// entries, and stops soon after ctx is done. A line holds a whole article,
// so the workers take one entry at a time: the lines held are then at
// most ordered.WindowPerWorker×workers.
func Run(ctx context.Context, fsys fs.FS, entries []loader.Entry, workers int, emit func(Line)) {
	newJob := func() func(int) Line {
		var w Worker
		return func(i int) Line { return w.Entry(fsys, entries[i]) }
	}
	ordered.Run(ctx, len(entries), workers, 1, newJob, func(_ int, l Line) { emit(l) })
}
