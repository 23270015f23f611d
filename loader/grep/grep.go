// Package grep searches every article of a collection for a query, in
// parallel, and reports the results in list order.
package grep

import (
	"context"
	"io/fs"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
	"newsbrowse/loader/ordered"
)

// Result is what searching one entry found.
type Result struct {
	Index   int          // position of the entry in the list given to Search
	Entry   loader.Entry // the entry
	Count   int          // matches in the article as shown: title heading, then body
	Snippet string       // one line around the first match ("" without a match)
	Match   [2]int       // the byte range of that match in Snippet
	Err     error        // the article could not be read, or is binary (loader.ErrBinary)
}

// Search looks for m in every entry of fsys, using workers goroutines that
// read each file once. It calls emit once per entry scanned, from the
// calling goroutine and in the order of entries, including entries without
// a match (Count 0), so that callers can show progress. At most
// ordered.Window(len(entries), workers, ordered.MaxBatch) entries are in
// flight or waiting to be emitted.
// With an empty matcher no file is read and every Count is 0.
//
// Search returns when every entry has been emitted, or soon after ctx is
// done: it then stops emitting at once, reads no further file and returns as
// soon as the files already being read are done, leaving no goroutine behind.
func Search(ctx context.Context, fsys fs.FS, entries []loader.Entry, m *match.Matcher, cond *runewidth.Condition, workers int, emit func(Result)) {
	SearchKnown(ctx, fsys, entries, nil, m, cond, workers, BinaryIsError, emit)
}

// Binary says how a search reports a binary file.
type Binary bool

const (
	// BinaryIsError reports every binary file with Err loader.ErrBinary.
	BinaryIsError Binary = false
	// BinaryAsNoMatch may report a binary file as a file without a
	// match, for callers that skip both alike: a file whose bytes cannot
	// hold the query is then passed over before it is decoded, and so
	// before it is found binary (see rawFilter).
	BinaryAsNoMatch Binary = true
)

// SearchKnown is Search taking the results known holds for some entries
// rather than reading their files again: those that SearchUnordered found
// for the same matcher while the entries were being listed. binary says
// how binary files are reported.
func SearchKnown(ctx context.Context, fsys fs.FS, entries []loader.Entry, known *Known, m *match.Matcher, cond *runewidth.Condition, workers int, binary Binary, emit func(Result)) {
	raw := rawFilterFor(m, binary)
	var workersMade []*worker // made by newJob, from this goroutine
	defer func() {
		for _, w := range workersMade {
			w.rd.Close()
		}
	}()
	newJob := func() func(int) Result {
		w := newWorker(raw)
		workersMade = append(workersMade, w)
		return func(i int) Result {
			if r, ok := known.lookup(entries[i]); ok {
				r.Index = i
				return r
			}
			return w.searchEntry(fsys, i, entries[i], m, cond)
		}
	}
	ordered.Run(ctx, len(entries), workers, ordered.MaxBatch, newJob, func(_ int, r Result) { emit(r) })
}

// worker is the memory one goroutine of Search reuses from one article
// to the next: the read buffer and the flat text, and the arena its
// snippets are kept in.
type worker struct {
	rd    loader.Reader
	flat  loader.Flat
	snips snippetArena
	raw   *rawFilter // nil: every file is decoded
}

// newWorker returns a worker that keeps the folder it reads from open
// (see loader.Reader.KeepFolderOpen) until its Reader is closed.
func newWorker(raw *rawFilter) *worker {
	w := &worker{raw: raw}
	w.rd.KeepFolderOpen()
	return w
}

// rawFilterFor returns the filter of files by their bytes for a search of
// m reporting binary files as binary says, or nil.
func rawFilterFor(m *match.Matcher, binary Binary) *rawFilter {
	if binary != BinaryAsNoMatch {
		return nil
	}
	return newRawFilter(m)
}

// searchEntry loads one article and counts the matches in it. An article
// is only decoded when w's filter, if any, does not rule its bytes out,
// and only cleaned when the query may occur in it: when every character
// the query needs is in the decoded text, the title, what cleaning inserts
// or the character references (see loader.Source.Origins and
// match.Matcher.MayOccurThen).
func (w *worker) searchEntry(fsys fs.FS, i int, e loader.Entry, m *match.Matcher, cond *runewidth.Condition) Result {
	r := Result{Index: i, Entry: e}
	if m.Empty() {
		return r
	}
	// the text stays in w's read buffer: nothing of it is kept once
	// the article is counted (the snippet is a copy)
	b, err := w.rd.ReadBytes(fsys, e)
	if err != nil {
		r.Err = err
		return r
	}
	if w.raw != nil && w.raw.rulesOut(b, e.Title) {
		return r
	}
	src, err := loader.SourceOfShared(e, b)
	if err != nil {
		r.Err = err
		return r
	}
	refs := func() string { return loader.References(src.Text) }
	if plain := src.PlainOrigins(); !m.MayOccurThen(refs, plain[:]...) {
		return r
	}
	w.count(&r, src, m, cond)
	return r
}

// count sets the count and the snippet of r for the article of src, as
// they are in src.Article(): the matches are counted in its flat text,
// built without its blocks (see loader.Flat), image placeholders blanked
// out as loader.SearchText does, since they are not text.
func (w *worker) count(r *Result, src loader.Source, m *match.Matcher, cond *runewidth.Condition) {
	w.flat.Build(src)
	start, end := -1, -1
	for s, e := range m.All(w.flat.SearchText()) {
		if r.Count == 0 {
			start, end = s, e
		}
		r.Count++
	}
	if r.Count > 0 {
		// the flat text lives in w's memory: the snippet is a copy,
		// kept in w's arena
		r.Snippet, r.Match[0], r.Match[1] = w.snips.snippetSpan(w.flat.Text(), start, end, cond, SnippetWidth)
	}
}
