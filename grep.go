// --grep: the articles of a collection that contain a query.

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"strconv"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/loader/grep"
	"newsbrowse/loader/match"
)

// grepCollection prints a row per matching article. As grep does, it names
// each file it could not read on stderr and then exits 2, whatever matched;
// binary files are skipped without a word.
func grepCollection(out, stderr io.Writer, query, path string, cond *runewidth.Condition, rf rowFormat) (int, error) {
	// While the collection is listed, the articles listed so far are
	// searched on the cores the listing leaves idle, then the rest in
	// list order.
	m := match.New(query)
	var known grep.Known
	ctx, stop := context.WithCancel(context.Background())
	in := make(chan grep.Batch, 64)
	searched := make(chan struct{})
	go func() {
		defer close(searched)
		grep.SearchUnordered(ctx, in, m, cond, max(1, runtime.NumCPU()-1), grep.BinaryAsNoMatch, func(r grep.Result) {
			known.Add(r)
		})
	}()
	root, entries, err := loader.ScanPathFunc(path, func(root fs.FS, es []loader.Entry) {
		select {
		case in <- grep.Batch{FS: root, Entries: es}:
		default: // searched below, in list order
		}
	})
	stop()
	close(in)
	<-searched
	if err != nil {
		return exitUsage, err
	}
	code := exitFailed
	unreadable := 0
	grep.SearchKnown(context.Background(), root, entries, &known, m, cond, runtime.NumCPU(), grep.BinaryAsNoMatch, func(r grep.Result) {
		switch {
		case r.Err != nil && !errors.Is(r.Err, loader.ErrBinary):
			unreadable++
			fmt.Fprintf(stderr, "newsbrowse: %s\n", loader.SanitizeLine(r.Err.Error()))
		case r.Err == nil && r.Count > 0:
			code = exitOK
			io.WriteString(out, rf.path(r.Entry.RelPath))
			io.WriteString(out, "\t"+strconv.Itoa(r.Count)+"\t"+r.Snippet)
			out.Write([]byte{rf.end()})
		}
	})
	if unreadable > 0 {
		return exitUsage, nil
	}
	return code, nil
}
