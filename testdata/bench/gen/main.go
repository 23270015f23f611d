// Command gen writes a synthetic collection of crawled news articles for the
// scale and speed measurements of newsbrowse.
//
//	go run ./testdata/bench/gen -n 100000 -size 1024 -out DIR
//	go run ./testdata/bench/gen -n 0 -big 10 -long 40000 -ascii 40000 -out DIR
//
// Every article is <n><title>.txt: line 1 the file name, the three-line
// banner on most files, then the body as one line of <div><span> fragments.
// The output depends only on the flags (-seed included). One article in
// -every carries the token once. It prints key=value lines describing what
// it wrote.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/encoding/simplifiedchinese"
)

type config struct {
	n, size, every, dirs int
	seed                 uint64
	token, out           string
	bigMB, long, ascii   int
}

func main() {
	var c config
	flag.IntVar(&c.n, "n", 1000, "number of articles in the collection")
	flag.IntVar(&c.size, "size", 1024, "approximate bytes per article")
	flag.StringVar(&c.out, "out", "", "output folder (created)")
	flag.Uint64Var(&c.seed, "seed", 1, "random seed")
	flag.StringVar(&c.token, "token", "基准词", "search token")
	flag.IntVar(&c.every, "every", 10, "one article in `K` contains the token once")
	flag.IntVar(&c.dirs, "dirs", 0, "spread the articles over `D` sub-folders (0: flat)")
	flag.IntVar(&c.bigMB, "big", 0, "also write one article of `MB` megabytes on one line")
	flag.IntVar(&c.long, "long", 0, "also write one Chinese article of `B` bytes and its plain text")
	flag.IntVar(&c.ascii, "ascii", 0, "also write one ASCII article of `B` bytes and its plain text")
	flag.Parse()
	if c.out == "" || c.every < 1 || c.n < 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return err
	}
	if c.n > 0 {
		if err := collection(c); err != nil {
			return err
		}
	}
	if c.bigMB > 0 {
		if err := big(c); err != nil {
			return err
		}
	}
	if c.long > 0 {
		if err := single(c, "long", 9000002, "长篇报道：一座城市的冬天与十二个社区的故事", c.long, true); err != nil {
			return err
		}
	}
	if c.ascii > 0 {
		return single(c, "ascii", 9000003, "City library opens a night reading room", c.ascii, false)
	}
	return nil
}

func collection(c config) error {
	var bytes, tokens atomic.Int64
	var firstErr error
	var mu sync.Mutex
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 1 + w; i <= c.n; i += workers {
				rel, data, tok := article(c, i)
				err := write(filepath.Join(c.out, rel), data)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					return
				}
				bytes.Add(int64(len(data)))
				if tok {
					tokens.Add(1)
				}
			}
		}(w)
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	rel, _, _ := article(c, 1)
	fmt.Printf("files=%d\nbytes=%d\ntoken=%s\ntoken_files=%d\nfirst=%s\n",
		c.n, bytes.Load(), c.token, tokens.Load(), rel)
	return nil
}

func write(path string, data []byte) error {
	if err := os.WriteFile(path, data, 0o644); err == nil || !os.IsNotExist(err) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// article builds article i of the collection: its path relative to the
// output folder, its bytes, and whether it holds the token.
func article(c config, i int) (string, []byte, bool) {
	r := rand.New(rand.NewPCG(c.seed, uint64(i)))
	name := fileName(r, i, title(r))
	ps := paragraphs(r, c.size-len(name)-len(banner), paragraph)
	tok := i%c.every == 0
	if tok {
		insertToken(r, ps, c.token)
	}
	v := r.IntN(100) // variants, drawn once so each file has at most a few
	var b strings.Builder
	b.WriteString(name + "\n")
	if v < 85 {
		b.WriteString(banner)
	}
	html := body(ps, true)
	if v%10 == 3 { // entities instead of the characters
		html = strings.NewReplacer("“", "&ldquo;", "”", "&rdquo;", "——", "&mdash;&mdash;").Replace(html)
	}
	if v%33 == 5 && len(ps) > 1 { // the banner again, further down
		cut := strings.Index(html[len(spanOpen):], spanOpen) + len(spanOpen)
		html = html[:cut] + "\n" + banner + html[cut:]
	}
	b.WriteString(html)
	if v%10 != 7 {
		b.WriteString("\n")
	}
	text := b.String()
	if v%50 == 11 {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	if v%50 == 13 {
		text = "\ufeff" + text
	}
	if v%100 == 17 && !tok { // Windows machine: GB18030 content, no marker
		if enc, err := simplifiedchinese.GB18030.NewEncoder().String(text); err == nil {
			text = enc
		}
	}
	rel := name
	if c.dirs > 0 {
		rel = filepath.Join(fmt.Sprintf("%02d栏目", i%c.dirs), name)
	}
	return rel, []byte(text), tok
}

// big writes one article whose body is a single line of about bigMB MB.
func big(c config) error {
	r := rand.New(rand.NewPCG(c.seed, 9000001))
	name := "9000001超长单行文章：全年新闻汇编.txt"
	ps := []string{"这是一篇超长文章的开头。" + paragraph(r)}
	ps = append(ps, paragraphs(r, c.bigMB<<20, paragraph)...)
	text := name + "\n" + banner + body(ps, true) + "\n"
	path := filepath.Join(c.out, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return err
	}
	fmt.Printf("big=%s\nbig_first=这是一篇超长文章的开头\n", path)
	return nil
}

// single writes one long article and the plain text a reader shows for it.
func single(c config, key string, num int, t string, size int, cjk bool) error {
	r := rand.New(rand.NewPCG(c.seed, uint64(num)))
	name := fmt.Sprintf("%d%s.txt", num, t)
	next := paragraph
	if !cjk {
		next = enParagraph
	}
	ps := paragraphs(r, size, next)
	text := name + "\n"
	if cjk {
		text += banner
	}
	text += body(ps, cjk) + "\n"
	path := filepath.Join(c.out, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return err
	}
	plainPath := strings.TrimSuffix(path, ".txt") + ".plain"
	if err := os.WriteFile(plainPath, []byte(plain(strings.TrimSuffix(name, ".txt"), ps, cjk)), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s=%s\n%s_plain=%s\n", key, path, key, plainPath)
	return nil
}
