package readstate

import (
	"encoding/binary"
	"slices"
)

// State is the read state of a collection in memory. It is not safe for
// use by several goroutines at once.
type State struct {
	read    map[Key]struct{}
	pos     map[Key]Position
	order   []Key // keys of pos, least recently opened first
	last    Key
	hasLast bool
}

// NewState returns an empty state: nothing read, no positions.
func NewState() *State {
	return &State{read: map[Key]struct{}{}, pos: map[Key]Position{}}
}

// IsRead reports whether the article at rel was read.
func (s *State) IsRead(rel string) bool { return s.IsReadKey(KeyOf(rel)) }

// IsReadKey reports whether the article with key k was read.
func (s *State) IsReadKey(k Key) bool {
	_, ok := s.read[k]
	return ok
}

// ReadCount is how many articles are read (of any collection version: an
// article deleted since still counts until it is marked unread).
func (s *State) ReadCount() int { return len(s.read) }

// Apply changes the state in memory as ops say, as Store.Apply does on
// disk.
func (s *State) Apply(ops ...Op) {
	for _, op := range ops {
		switch op.Kind {
		case MarkRead:
			s.read[op.Key] = struct{}{}
		case MarkUnread:
			delete(s.read, op.Key)
		case SetPosition:
			s.setPos(op.Key, op.Pos)
		}
	}
}

// Position returns where the reader stood in the article at rel, if that
// is still kept.
func (s *State) Position(rel string) (Position, bool) {
	p, ok := s.pos[KeyOf(rel)]
	return p, ok
}

// Last returns the key of the article opened last.
func (s *State) Last() (Key, bool) { return s.last, s.hasLast }

func (s *State) setPos(k Key, p Position) {
	if _, ok := s.pos[k]; ok {
		if i := slices.Index(s.order, k); i >= 0 {
			s.order = slices.Delete(s.order, i, i+1)
		}
	}
	s.pos[k] = p
	s.order = append(s.order, k)
	s.last, s.hasLast = k, true
	if len(s.order) > MaxPositions {
		delete(s.pos, s.order[0])
		s.order = slices.Delete(s.order, 0, 1)
	}
}

// replayRead applies the records of a read log.
func (s *State) replayRead(recs []byte) {
	if len(s.read) == 0 {
		s.read = make(map[Key]struct{}, len(recs)/readRec)
	}
	for ; len(recs) >= readRec; recs = recs[readRec:] {
		k := Key(binary.BigEndian.Uint64(recs[1:readRec]))
		switch OpKind(recs[0]) {
		case MarkRead:
			s.read[k] = struct{}{}
		case MarkUnread:
			delete(s.read, k)
		}
	}
}

// replayPos applies the records of a positions log. Only the last
// MaxPositions distinct keys are kept, so the newest records are read
// first and older ones only fill in keys not seen yet.
func (s *State) replayPos(recs []byte) {
	n := len(recs) / posRec
	var newestFirst []Key
	seen := make(map[Key]bool)
	for i := n - 1; i >= 0 && len(newestFirst) < MaxPositions; i-- {
		r := recs[i*posRec : (i+1)*posRec]
		k := Key(binary.BigEndian.Uint64(r))
		if seen[k] {
			continue
		}
		seen[k] = true
		newestFirst = append(newestFirst, k)
		s.pos[k] = Position{int(binary.BigEndian.Uint32(r[8:])), int(binary.BigEndian.Uint32(r[12:]))}
	}
	slices.Reverse(newestFirst)
	s.order = append(s.order[:0], newestFirst...)
	if len(s.order) > 0 {
		s.last, s.hasLast = s.order[len(s.order)-1], true
	}
}

// encodeRead returns the read log of s at its smallest: one record per
// read article, in key order.
func (s *State) encodeRead() []byte {
	keys := make([]Key, 0, len(s.read))
	for k := range s.read {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := make([]byte, 0, len(keys)*readRec)
	for _, k := range keys {
		b = append(b, byte(MarkRead))
		b = binary.BigEndian.AppendUint64(b, uint64(k))
	}
	return b
}

// encodePos returns the positions log of s at its smallest, least recently
// opened first.
func (s *State) encodePos() []byte {
	b := make([]byte, 0, len(s.order)*posRec)
	for _, k := range s.order {
		b = appendPos(b, k, s.pos[k])
	}
	return b
}
