package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"newsbrowse/loader"
	"newsbrowse/loader/grep"
	"newsbrowse/loader/match"
)

// --grep searches while it lists the folder, then in list order: its
// rows are those of a search over the sorted list, in that order, for a
// folder big enough that the listing is read in many batches, with
// sub-folders, articles titled from their first line and binary files.
func TestGrepWhileListingSameAsInOrder(t *testing.T) {
	dir := t.TempDir()
	for i := range 9000 {
		sub := filepath.Join(dir, fmt.Sprintf("d%d", i%3))
		name := fmt.Sprintf("%d第%d期简讯.txt", (i*7919)%9001, i)
		body := "\u3000\u3000本市新建社区图书馆十二座。"
		switch {
		case i%5 == 0:
			body += "另有新闻一则，新闻发布会将于下周举行。"
		case i%5 == 1:
			body += "<b>新</b>闻"
		}
		if i%97 == 0 {
			name = fmt.Sprintf("改名的第%d篇.txt", i)
			body = fmt.Sprintf("%d改名后的标题新闻.txt\n", i) + body
		} else {
			body = name + "\n" + body
		}
		if i%101 == 0 {
			body = "新闻\x00\x01binary"
		}
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, entries, err := loader.ScanPath(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"新闻", "图书馆", "改名后", "不存在的词"} {
		var want strings.Builder
		cond := widthCondition("narrow")
		grep.Search(context.Background(), root, entries, match.New(q), cond, runtime.NumCPU(), func(r grep.Result) {
			if r.Err == nil && r.Count > 0 {
				want.WriteString(r.Entry.RelPath + "\t" + strconv.Itoa(r.Count) + "\t" + r.Snippet + "\n")
			}
		})
		out, errs, code := runCLI(t, "--grep", q, "--ambiguous", "narrow", dir)
		if out != want.String() || errs != "" {
			t.Errorf("--grep %s: exit %d, %d bytes, stderr %q; want %d bytes in list order", q, code, len(out), errs, want.Len())
		}
		if (code == 0) != (want.Len() > 0) {
			t.Errorf("--grep %s: exit %d", q, code)
		}
	}
}

func TestWriteGrepRow(t *testing.T) {
	r := grep.Result{Entry: loader.Entry{RelPath: "国内/7冰灯\n.txt"}, Count: 12, Snippet: "…市民带着孩子前来观赏冰灯，现场十分热闹，不少游客…"}
	for _, tc := range []struct {
		rf   rowFormat
		want string
	}{
		{rowFormat{}, "国内/7冰灯\n.txt\t12\t" + r.Snippet + "\n"},
		{rowFormat{null: true}, "国内/7冰灯\n.txt\t12\t" + r.Snippet + "\x00"},
		{rowFormat{tty: true}, loader.EscapePath(r.Entry.RelPath) + "\t12\t" + r.Snippet + "\n"},
	} {
		var out strings.Builder
		row := writeGrepRow(&out, []byte("left over"), tc.rf, r)
		if out.String() != tc.want || string(row) != tc.want {
			t.Errorf("%+v: wrote %q, returned %q, want %q", tc.rf, out.String(), row, tc.want)
		}
	}
	// given its row back, writing the rows of a search costs no allocation
	out := bufio.NewWriter(io.Discard)
	var row []byte
	if n := testing.AllocsPerRun(100, func() {
		row = writeGrepRow(out, row, rowFormat{}, r)
	}); n != 0 {
		t.Errorf("%v allocations per row", n)
	}
}
