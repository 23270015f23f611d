// --grep: the articles of a collection that contain a query.

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	root, entries, err := loader.ScanPath(path)
	if err != nil {
		return exitUsage, err
	}
	code := exitFailed
	unreadable := 0
	m := match.New(query)
	grep.Search(context.Background(), root, entries, m, cond, runtime.NumCPU(), func(r grep.Result) {
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
