// --grep: the articles of a collection that contain a query.

package main

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/loader/grep"
	"newsbrowse/loader/match"
)

func grepCollection(out io.Writer, query, path string, cond *runewidth.Condition) (int, error) {
	root, entries, err := loader.ScanPath(path)
	if err != nil {
		return exitUsage, err
	}
	code := exitFailed
	m := match.New(query)
	grep.Search(context.Background(), root, entries, m, cond, runtime.NumCPU(), func(r grep.Result) {
		if r.Err == nil && r.Count > 0 {
			code = exitOK
			fmt.Fprintf(out, "%s\t%d\t%s\n", loader.DisplayPath(r.Entry.RelPath), r.Count, r.Snippet)
		}
	})
	return code, nil
}
