package grep

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"testing/synctest"

	"golang.org/x/text/encoding/simplifiedchinese"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
	"newsbrowse/loader/ordered"
)

const banner = "---------------------------------------- \n" +
	"-------------------这里有图片------------ \n" +
	"---------------------------------------- \n"

// article builds the content of an article file in the crawler's layout.
func article(name string, paragraphs ...string) string {
	var b strings.Builder
	b.WriteString(name + "\n" + banner)
	for _, p := range paragraphs {
		b.WriteString("<div><span style='font-size:16px;'> " + p + "</span></div><div>&nbsp;</div>")
	}
	b.WriteString("\n")
	return b.String()
}

func gb18030(t testing.TB, s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(b)
}

func entry(rel string) loader.Entry {
	prefix, title := loader.ParseName(loader.DecodeName(path.Base(rel)))
	return loader.Entry{Prefix: prefix, Title: title, RelPath: rel}
}

// testCollection returns a small collection and its entries in list order.
func testCollection(t testing.TB) (fstest.MapFS, []loader.Entry) {
	fsys := fstest.MapFS{
		"001社区图书馆延长开放时间.txt": {Data: []byte(article("001社区图书馆延长开放时间.txt",
			"\u3000\u3000本月起，城东社区图书馆每天开放至晚上九点。",
			"\u3000\u3000图书馆负责人介绍，新增的自习区可容纳六十人，图书馆还将举办周末读书会。"))},
		"sub/002市政府举行发布会.txt": {Data: []byte("002市政府举行发布会.txt\n" +
			"<div><span>\u3000\u3000新</span><span>闻</span>发布会在市政府三楼举行。</div>\n")},
		"003数据库课程.txt": {Data: gb18030(t, "003数据库课程.txt\r\n"+
			"\u3000\u3000本学期开设ＳＱＬ数据库课程，学生可在线报名。\r\n\r\n"+
			"\u3000\u3000课程使用SQL语言讲授，共十二周。\r\n")},
		"004图片.txt":   {Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")},
		"006天气预报.txt": {Data: []byte(article("006天气预报.txt", "\u3000\u3000明天晴，气温回升。"))},
	}
	rels := []string{
		"001社区图书馆延长开放时间.txt",
		"sub/002市政府举行发布会.txt",
		"003数据库课程.txt",
		"004图片.txt",
		"005不存在.txt",
		"006天气预报.txt",
	}
	entries := make([]loader.Entry, len(rels))
	for i, r := range rels {
		entries[i] = entry(r)
	}
	return fsys, entries
}

func collect(ctx context.Context, fsys fs.FS, entries []loader.Entry, query string, workers int) []Result {
	var out []Result
	Search(ctx, fsys, entries, match.Compile(query, true), narrow, workers, func(r Result) {
		out = append(out, r)
	})
	return out
}

func TestSearchCounts(t *testing.T) {
	fsys, entries := testCollection(t)
	tests := []struct {
		query    string
		counts   []int
		snippets []string
	}{
		{"图书馆", []int{4, 0, 0, 0, 0, 0}, []string{"社区图书馆延长开放时间", "", "", "", "", ""}},
		{"新闻", []int{0, 1, 0, 0, 0, 0}, []string{"", "新闻发布会在市政府三楼举行。", "", "", "", ""}},
		{"数据库", []int{0, 0, 2, 0, 0, 0}, []string{"", "", "数据库课程", "", "", ""}},
		{"ＳＱＬ", []int{0, 0, 2, 0, 0, 0}, []string{"", "", "…期开设ＳＱＬ数据库课程，学…", "", "", ""}},
		{"十二", []int{0, 0, 1, 0, 0, 0}, []string{"", "", "…程使用SQL语言讲授，共十二周。", "", "", ""}},
		{"sql", []int{0, 0, 2, 0, 0, 0}, nil},
		{"Sql", []int{0, 0, 0, 0, 0, 0}, nil},
		{"。", []int{2, 1, 2, 0, 0, 1}, nil},
		// the image placeholder of the banner is not text
		{"图片", []int{0, 0, 0, 0, 0, 0}, nil},
		{"[图", []int{0, 0, 0, 0, 0, 0}, nil},
		{"图", []int{4, 0, 0, 0, 0, 0}, nil},
	}
	for _, tc := range tests {
		for _, workers := range []int{1, 3} {
			t.Run(fmt.Sprintf("%s/%d", tc.query, workers), func(t *testing.T) {
				res := collect(context.Background(), fsys, entries, tc.query, workers)
				if len(res) != len(entries) {
					t.Fatalf("%d results, want %d", len(res), len(entries))
				}
				for i, r := range res {
					if r.Index != i || r.Entry != entries[i] {
						t.Errorf("result %d is for %d %q", i, r.Index, r.Entry.RelPath)
					}
					wantErr := i == 3 || i == 4
					if (r.Err != nil) != wantErr {
						t.Errorf("%s: Err = %v", r.Entry.RelPath, r.Err)
					}
					if r.Count != tc.counts[i] {
						t.Errorf("%s: Count = %d, want %d", r.Entry.RelPath, r.Count, tc.counts[i])
					}
					if tc.snippets != nil && r.Snippet != tc.snippets[i] {
						t.Errorf("%s: Snippet = %q, want %q", r.Entry.RelPath, r.Snippet, tc.snippets[i])
					}
				}
				if !errors.Is(res[3].Err, loader.ErrBinary) {
					t.Errorf("binary file: Err = %v, want ErrBinary", res[3].Err)
				}
				if !errors.Is(res[4].Err, fs.ErrNotExist) {
					t.Errorf("missing file: Err = %v, want ErrNotExist", res[4].Err)
				}
			})
		}
	}
}

func TestSearchEmptyQuery(t *testing.T) {
	fsys, entries := testCollection(t)
	res := collect(context.Background(), fsys, entries, "", 2)
	if len(res) != len(entries) {
		t.Fatalf("%d results, want %d", len(res), len(entries))
	}
	for _, r := range res {
		if r.Count != 0 || r.Snippet != "" || r.Err != nil {
			t.Errorf("empty query gave %+v", r)
		}
	}
	if res := collect(context.Background(), fsys, nil, "新闻", 2); len(res) != 0 {
		t.Errorf("no entries gave %d results", len(res))
	}
}

// slowFS records which files were opened; the opening of the files slow
// picks waits until every other goroutine of the test's bubble
// (testing/synctest) is blocked, so that those files finish after later
// ones without any clock.
type slowFS struct {
	fs.FS
	slow    func(name string) bool
	release chan struct{}
	opened  sync.Map
	nOpen   atomic.Int64

	mu     sync.Mutex
	latest string // the last name in list order opened so far
	late   int    // slow files that finished after a later file was opened
}

func newSlowFS(base fs.FS, slow func(string) bool) *slowFS {
	return &slowFS{FS: base, slow: slow, release: make(chan struct{})}
}

func (s *slowFS) Open(name string) (fs.File, error) {
	if _, seen := s.opened.LoadOrStore(name, true); !seen {
		s.nOpen.Add(1)
	}
	s.mu.Lock()
	s.latest = max(s.latest, name)
	s.mu.Unlock()
	if s.slow(name) {
		<-s.release
		s.mu.Lock()
		if s.latest > name {
			s.late++
		}
		s.mu.Unlock()
	}
	return s.FS.Open(name)
}

// releaser lets one slow opening go each time everything else in the
// bubble is blocked, until stop is called.
func (s *slowFS) releaser() (stop func()) {
	done := make(chan struct{})
	go func() {
		for {
			synctest.Wait()
			select {
			case s.release <- struct{}{}:
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

func manyArticles(n int) (fstest.MapFS, []loader.Entry) {
	fsys := fstest.MapFS{}
	entries := make([]loader.Entry, n)
	for i := range n {
		name := fmt.Sprintf("%04d第%d篇报道.txt", i, i)
		body := "\u3000\u3000本篇报道介绍城市新闻。"
		if i%3 == 0 {
			body += "另有新闻一则。"
		}
		fsys[name] = &fstest.MapFile{Data: []byte(article(name, body))}
		entries[i] = entry(name)
	}
	return fsys, entries
}

func TestSearchOrderAndWindow(t *testing.T) { synctest.Test(t, testSearchOrderAndWindow) }

func testSearchOrderAndWindow(t *testing.T) {
	const n, workers = 120, 3
	base, entries := manyArticles(n)
	// Files finish out of order: every fifth one is slow.
	fsys := newSlowFS(base, func(name string) bool { return name[3]%5 == 0 })
	defer fsys.releaser()()
	var inEmit atomic.Int32
	var emitted []int
	Search(context.Background(), fsys, entries, match.Compile("新闻", true), narrow, workers, func(r Result) {
		if inEmit.Add(1) != 1 {
			t.Error("emit called concurrently")
		}
		defer inEmit.Add(-1)
		if ahead := fsys.nOpen.Load() - int64(len(emitted)); ahead > int64(window(n, workers)) {
			t.Errorf("%d files read ahead of emission, window is %d", ahead, window(n, workers))
		}
		if want := 1 + boolInt(r.Index%3 == 0); r.Count != want || r.Err != nil {
			t.Errorf("entry %d: Count %d Err %v, want %d", r.Index, r.Count, r.Err, want)
		}
		emitted = append(emitted, r.Index)
	})
	if len(emitted) != n {
		t.Fatalf("emitted %d results, want %d", len(emitted), n)
	}
	if fsys.late == 0 {
		t.Fatal("no file finished out of order: the test does not test the reordering")
	}
	for i, idx := range emitted {
		if idx != i {
			t.Fatalf("emission %d is entry %d: not in list order", i, idx)
		}
	}
}

// window bounds how far ahead of the next result to emit the workers of
// Search may run.
func window(n, workers int) int { return ordered.Window(n, workers, ordered.MaxBatch) }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Search stops emitting at once when cancelled and leaves no goroutine
// behind: synctest.Test fails if one is still blocked when the test ends.
func TestSearchCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		base, entries := manyArticles(400)
		fsys := newSlowFS(base, func(string) bool { return true })
		defer fsys.releaser()()

		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		emitted := 0
		Search(ctx, fsys, entries, match.Compile("新闻", true), narrow, 4, func(r Result) {
			emitted++
			if emitted == 5 {
				cancel()
			}
		})
		if emitted != 5 {
			t.Errorf("emitted %d results, want 5 (none after cancel)", emitted)
		}
		if read := fsys.nOpen.Load(); read > 5+int64(window(len(entries), 4)) {
			t.Errorf("%d files read after cancelling at the 5th", read)
		}

		// Cancelled before it starts: nothing is read or emitted.
		fsys2 := newSlowFS(base, func(string) bool { return false })
		n := 0
		Search(ctx, fsys2, entries, match.Compile("新闻", true), narrow, 4, func(Result) { n++ })
		if n != 0 {
			t.Errorf("cancelled context: %d results emitted", n)
		}
		if r := fsys2.nOpen.Load(); r > 4 {
			t.Errorf("cancelled context: %d files read", r)
		}
	})
}
