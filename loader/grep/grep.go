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

// windowPerWorker bounds how far ahead of the next result to emit the
// workers may run (see ordered.Run).
const windowPerWorker = ordered.WindowPerWorker

// Search looks for m in every entry of fsys, using workers goroutines that
// read each file once. It calls emit once per entry scanned, from the
// calling goroutine and in the order of entries, including entries without
// a match (Count 0), so that callers can show progress. At most
// windowPerWorker×workers entries are in flight or waiting to be emitted.
// With an empty matcher no file is read and every Count is 0.
//
// Search returns when every entry has been emitted, or soon after ctx is
// done: it then stops emitting at once, reads no further file and returns as
// soon as the files already being read are done, leaving no goroutine behind.
func Search(ctx context.Context, fsys fs.FS, entries []loader.Entry, m *match.Matcher, cond *runewidth.Condition, workers int, emit func(Result)) {
	newJob := func() func(int) Result {
		var rd loader.Reader
		return func(i int) Result { return searchEntry(&rd, fsys, i, entries[i], m, cond) }
	}
	ordered.Run(ctx, len(entries), workers, newJob, func(_ int, r Result) { emit(r) })
}

// searchEntry loads one article and counts the matches in it. An article
// is only cleaned when the query may occur in it: when every character the
// query needs is in the raw text, the title, the character references or
// what cleaning inserts (see loader.Source.Origins and MayOccur).
func searchEntry(rd *loader.Reader, fsys fs.FS, i int, e loader.Entry, m *match.Matcher, cond *runewidth.Condition) Result {
	r := Result{Index: i, Entry: e}
	if m.Empty() {
		return r
	}
	src, err := rd.ReadSource(fsys, e)
	if err != nil {
		r.Err = err
		return r
	}
	if origins := src.Origins(); !m.MayOccur(origins[:]...) {
		return r
	}
	a, _ := src.Article()
	text := a.Flat()
	start, end := -1, -1
	// image placeholders are not text: they never match
	for s, e := range m.All(loader.SearchText(text, a.Blocks)) {
		if r.Count == 0 {
			start, end = s, e
		}
		r.Count++
	}
	if r.Count > 0 {
		r.Snippet, r.Match[0], r.Match[1] = SnippetSpan(text, start, end, cond, SnippetWidth)
	}
	return r
}
