package tui

import (
	"fmt"
	"testing"

	"newsbrowse/loader"
)

func cached(rel string, size int) loader.Article {
	return loader.Article{Entry: loader.Entry{RelPath: rel}, Size: size}
}

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	c := newCache(3, 100)
	for _, rel := range []string{"a", "b", "c"} {
		c.put(cached(rel, 10))
	}
	c.get("a")             // a is now the most recent: b is the oldest
	c.put(cached("d", 10)) // over the count: b goes
	c.put(cached("c", 30)) // replaced: the bytes follow, c is the most recent
	c.put(cached("e", 65)) // 65+30+10+10 > 100: a goes, then d
	for rel, want := range map[string]bool{"a": false, "b": false, "c": true, "d": false, "e": true} {
		if _, ok := c.items[rel]; ok != want {
			t.Errorf("%s cached: %v, want %v", rel, ok, want)
		}
	}
	if c.bytes != 95 || c.order.Len() != 2 || len(c.items) != 2 {
		t.Errorf("bytes %d, %d in order, %d in the map", c.bytes, c.order.Len(), len(c.items))
	}
	if a, ok := c.get("c"); !ok || a.Size != 30 {
		t.Errorf("get c: %v %v", a.Size, ok)
	}
	// an article larger than the bound stays alone until the next one
	c.put(cached("huge", 1000))
	if _, ok := c.get("huge"); !ok || c.order.Len() != 1 || c.bytes != 1000 {
		t.Errorf("huge article: cached %v, %d items, %d bytes", ok, c.order.Len(), c.bytes)
	}
}

// BenchmarkCacheGet is one hit in a full cache of 100,000 articles: it
// costs the same as in a small one.
func BenchmarkCacheGet(b *testing.B) {
	const n = 100000
	c := newCache(n, n)
	for i := range n {
		c.put(cached(fmt.Sprint(i), 1))
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c.get(fmt.Sprint(i % n))
	}
}
