package grep

import (
	"unsafe"

	"github.com/mattn/go-runewidth"
)

// snippetChunk is the size of the chunks a snippetArena cuts snippets
// from: a few hundred snippets each.
const snippetChunk = 32 << 10

// snippetArena is where one worker keeps the snippets it makes, so that
// a search of many articles allocates a chunk now and then rather than a
// string per article. Each snippet is appended to the current chunk and
// the string made on its bytes; a chunk is only ever appended to, and
// replaced by a fresh one when full, so the bytes under a string already
// made are never written again: the strings stay immutable, and may
// outlive the worker. Its zero value is ready to use.
type snippetArena struct {
	chunk []byte
}

// snippetSpan is SnippetSpan, the snippet kept in a.
func (a *snippetArena) snippetSpan(text string, start, end int, cond *runewidth.Condition, width int) (snip string, ms, me int) {
	p, ok := plainSnippetOf(text, start, end, cond, width)
	if !ok {
		snip, ms, me = snippetGeneral(text, start, end, cond, width)
		return a.keep(snip), ms, me
	}
	ms, me = p.span(start, end)
	at := a.reserve(p.size())
	if p.pre {
		a.chunk = append(a.chunk, ellipsis...)
	}
	a.chunk = append(a.chunk, text[p.from:p.to]...)
	if p.post {
		a.chunk = append(a.chunk, ellipsis...)
	}
	return a.since(at), ms, me
}

// keep returns a copy of s held in a.
func (a *snippetArena) keep(s string) string {
	at := a.reserve(len(s))
	a.chunk = append(a.chunk, s...)
	return a.since(at)
}

// reserve makes room for n more bytes in the current chunk, starting a
// fresh one when they do not fit, and returns where they will start.
func (a *snippetArena) reserve(n int) int {
	if cap(a.chunk)-len(a.chunk) < n {
		a.chunk = make([]byte, 0, max(snippetChunk, n))
	}
	return len(a.chunk)
}

// since returns the string of the bytes appended to the chunk from at on.
func (a *snippetArena) since(at int) string {
	if at == len(a.chunk) {
		return ""
	}
	return unsafe.String(&a.chunk[at], len(a.chunk)-at)
}
