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
	var row []byte // one row at a time, written at once
	grep.SearchKnown(context.Background(), root, entries, &known, m, cond, runtime.NumCPU(), grep.BinaryAsNoMatch, func(r grep.Result) {
		switch {
		case r.Err != nil && !errors.Is(r.Err, loader.ErrBinary):
			unreadable++
			fmt.Fprintf(stderr, "newsbrowse: %s\n", loader.SanitizeLine(r.Err.Error()))
		case r.Err == nil && r.Count > 0:
			code = exitOK
			row = writeGrepRow(out, row, rf, r)
		}
	})
	if unreadable > 0 {
		return exitUsage, nil
	}
	return code, nil
}

// writeGrepRow writes the row of --grep for r to out: its path, its count
// and its snippet, separated by tabs. It makes the row in row's memory and
// returns it, to be given again for the next row.
func writeGrepRow(out io.Writer, row []byte, rf rowFormat, r grep.Result) []byte {
	row = append(row[:0], rf.path(r.Entry.RelPath)...)
	row = append(row, '\t')
	row = strconv.AppendInt(row, int64(r.Count), 10)
	row = append(row, '\t')
	row = append(row, r.Snippet...)
	row = append(row, rf.end())
	out.Write(row)
	return row
}
