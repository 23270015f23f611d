package readstate

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
)

// BenchmarkLoad10kOf100k is the read state of a 100,000-article collection
// after 10,000 articles were opened (each marked read, its position set on
// opening and on leaving): the size of its files and the time to load them.
//
//	go test -run - -bench Load10k ./loader/readstate/
func BenchmarkLoad10kOf100k(b *testing.B) {
	state := b.TempDir()
	s := open(b, state)
	rng := rand.New(rand.NewPCG(1, 2))
	opened := rng.Perm(100_000)[:10_000]
	var ops []Op
	for i, n := range opened {
		k := KeyOf(fmt.Sprintf("%06d某地新闻标题.txt", n))
		ops = append(ops, Op{Kind: MarkRead, Key: k}, Op{Kind: SetPosition, Key: k},
			Op{Kind: SetPosition, Key: k, Pos: Position{i % 40, i % 200}})
		if len(ops) >= 300 || i == len(opened)-1 {
			if _, err := s.Apply(ops...); err != nil {
				b.Fatal(err)
			}
			ops = ops[:0]
		}
	}
	read, pos := s.Paths()
	ri, _ := os.Stat(read)
	pi, _ := os.Stat(pos)
	b.ResetTimer()
	for b.Loop() {
		st, err := s.Load()
		if err != nil || st.ReadCount() != 10_000 {
			b.Fatal(st.ReadCount(), err)
		}
	}
	b.ReportMetric(float64(ri.Size()), "read-bytes")
	b.ReportMetric(float64(pi.Size()), "pos-bytes")
}

// BenchmarkKeys100k is the cost of finding what is read in a list of
// 100,000 articles: the key of every path (done once the list is in).
func BenchmarkKeys100k(b *testing.B) {
	paths := make([]string, 100_000)
	for i := range paths {
		paths[i] = fmt.Sprintf("2024/%06d某地召开新闻发布会介绍城市更新进展情况.txt", i)
	}
	st := NewState()
	for b.Loop() {
		n := 0
		for _, p := range paths {
			if !st.IsReadKey(KeyOf(p)) {
				n++
			}
		}
		if n != len(paths) {
			b.Fatal(n)
		}
	}
}
