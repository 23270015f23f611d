package grep

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"newsbrowse/loader"
)

// knownEntries returns n entries, each RelPath its own string.
func knownEntries(n int) []loader.Entry {
	es := make([]loader.Entry, n)
	for i := range es {
		title := "第" + strconv.Itoa(i) + "期简讯"
		es[i] = loader.Entry{Prefix: strconv.Itoa(i), Title: title, RelPath: strconv.Itoa(i) + title + ".txt"}
	}
	return es
}

// Known keeps every result added, over many chunks, the last one added
// for an entry, and gives none for an entry it was not found for.
func TestKnownManyResults(t *testing.T) {
	es := knownEntries(3*knownChunk + 10)
	var k Known
	for i, e := range es {
		k.Add(Result{Index: -1, Entry: e, Count: i, Snippet: "片段" + strconv.Itoa(i)})
	}
	for i := 0; i < len(es); i += 7 {
		k.Add(Result{Index: -1, Entry: es[i], Count: -i})
	}
	for i, e := range es {
		r, ok := k.lookup(e)
		want := Result{Index: -1, Entry: e, Count: i, Snippet: "片段" + strconv.Itoa(i)}
		if i%7 == 0 {
			want = Result{Index: -1, Entry: e, Count: -i}
		}
		if !ok || r != want {
			t.Fatalf("entry %d: %+v, %v; want %+v", i, r, ok, want)
		}
		stale := e
		stale.Title = "别的标题"
		if _, ok := k.lookup(stale); ok {
			t.Fatalf("entry %d: found for another title", i)
		}
		elsewhere := e
		elsewhere.RelPath = strings.Clone(e.RelPath)
		if _, ok := k.lookup(elsewhere); ok {
			t.Fatalf("entry %d: found for a path made elsewhere", i)
		}
	}
	if _, ok := (*Known)(nil).lookup(es[0]); ok {
		t.Fatal("a nil Known holds a result")
	}
}

// The map of Known only says where the results are: keeping one costs
// little more than the result (112 bytes), not a map slot of its size
// and the copies made as the map grows.
func TestKnownAddCost(t *testing.T) {
	es := knownEntries(20000)
	perResult := 1e9
	for range 3 { // the least of three: another goroutine may allocate
		var k Known
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for _, e := range es {
			k.Add(Result{Entry: e, Count: 1})
		}
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(&k)
		perResult = min(perResult, float64(after.TotalAlloc-before.TotalAlloc)/float64(len(es)))
	}
	if perResult > 200 {
		t.Errorf("%.0f bytes allocated per result kept", perResult)
	}
}
