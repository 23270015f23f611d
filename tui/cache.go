package tui

import "newsbrowse/loader"

// cache keeps the most recently loaded articles, bounded in count and in
// bytes so that browsing a large collection keeps memory flat.
type cache struct {
	maxItems int
	maxBytes int
	bytes    int
	order    []string // least recently used first
	items    map[string]loader.Article
}

func newCache(maxItems, maxBytes int) *cache {
	return &cache{maxItems: maxItems, maxBytes: maxBytes, items: map[string]loader.Article{}}
}

func (c *cache) get(rel string) (loader.Article, bool) {
	a, ok := c.items[rel]
	if ok {
		c.touch(rel)
	}
	return a, ok
}

func (c *cache) touch(rel string) {
	for i, r := range c.order {
		if r == rel {
			copy(c.order[i:], c.order[i+1:])
			c.order[len(c.order)-1] = rel
			return
		}
	}
}

func (c *cache) put(a loader.Article) {
	rel := a.Entry.RelPath
	if old, ok := c.items[rel]; ok {
		c.bytes -= old.Size
		c.items[rel] = a
		c.bytes += a.Size
		c.touch(rel)
	} else {
		c.items[rel] = a
		c.bytes += a.Size
		c.order = append(c.order, rel)
	}
	for len(c.order) > 1 && (len(c.order) > c.maxItems || c.bytes > c.maxBytes) {
		victim := c.order[0]
		c.order = c.order[1:]
		c.bytes -= c.items[victim].Size
		delete(c.items, victim)
	}
}
