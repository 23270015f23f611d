package marks

// Store holds the marks of one collection. Set never changes a map it has
// handed out (it replaces its map with a modified copy), so the result of
// Marks can be given to another goroutine, for instance one that saves it,
// while the Store keeps changing. A Store itself is not safe for concurrent use.
type Store struct {
	dir string
	col string
	set map[string]bool
}

// Open loads the marks of the collection at the absolute path collectionAbs
// from stateDir (see Dir). A missing marks file means no marks.
func Open(stateDir, collectionAbs string) (*Store, error) {
	dir, col, err := checkPaths(stateDir, collectionAbs)
	if err != nil {
		return nil, err
	}
	set, err := LoadSet(dir, col)
	if err != nil {
		return nil, err
	}
	return &Store{dir: dir, col: col, set: set}, nil
}

// Has reports whether relpath is marked.
func (s *Store) Has(relpath string) bool { return s.set[relpath] }

// Set marks or unmarks relpath.
func (s *Store) Set(relpath string, on bool) {
	if s.set[relpath] == on {
		return
	}
	s.set = with(s.set, relpath, on)
}

// List returns the marked paths, sorted.
func (s *Store) List() []string { return sorted(s.set) }

// Marks returns the current set. It is never modified afterwards and must
// not be modified by the caller.
func (s *Store) Marks() map[string]bool { return s.set }

// Collection returns the cleaned absolute path of the collection.
func (s *Store) Collection() string { return s.col }

// StateDir returns the absolute directory the marks are saved in.
func (s *Store) StateDir() string { return s.dir }

// Save writes the marks (see SaveSet).
func (s *Store) Save() error { return SaveSet(s.dir, s.col, s.set) }
