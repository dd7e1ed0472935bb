//! The tagger's automaton: the goto function of an Aho-Corasick automaton
//! (a trie over all pattern bytes) without failure links, because the tagger
//! only ever starts a match at a word start. Dropping the failure links makes
//! building it a single pass over the sorted patterns, and a walk from a word
//! start ends as soon as no pattern continues.

/// A trie node: its edges (a range of `labels`/`targets`) and the value of
/// the pattern that ends here, if any.
#[derive(Clone, Copy, Debug)]
struct Node {
    first_edge: u32,
    edge_count: u32,
    value: u32,
}

const NONE: u32 = u32::MAX;

/// An immutable byte trie mapping patterns to `u32` values.
///
/// Built as linked nodes, then laid out breadth-first in one `u32` array so
/// that the levels every walk touches stay together in cache and each step
/// reads one place: `[value, edge count, labels packed four to a word...,
/// targets...]`.
#[derive(Debug)]
pub(crate) struct Trie {
    /// For each byte, the index in `second` of the node the root reaches by
    /// it, or `NONE`.
    root: Box<[u32; 256]>,
    /// For each node one byte below the root: the value of the one-byte
    /// pattern ending there, and the offset in `data` of the node reached by
    /// each next byte. The first two steps of every walk are two table reads,
    /// where the tries of names are widest.
    second: Vec<(u32, Box<[u32; 256]>)>,
    data: Vec<u32>,
    /// Fold ASCII letters to lower case while walking (the patterns must be
    /// lower case already).
    ascii_lowercase: bool,
}

impl Trie {
    /// Builds the trie of `patterns`, which must be sorted by bytes and
    /// free of duplicates and empty strings.
    pub(crate) fn new(patterns: &[(Vec<u8>, u32)], ascii_lowercase: bool) -> Trie {
        let mut nodes: Vec<Node> = Vec::with_capacity(patterns.len() * 4);
        let mut labels: Vec<u8> = Vec::with_capacity(patterns.len() * 4);
        let mut targets: Vec<u32> = Vec::with_capacity(patterns.len() * 4);
        let push_node = |nodes: &mut Vec<Node>| {
            nodes.push(Node {
                first_edge: 0,
                edge_count: 0,
                value: NONE,
            });
            (nodes.len() - 1) as u32
        };
        // Node 0 is the root; work items: (node, depth, patterns sharing its prefix).
        let root = push_node(&mut nodes);
        let mut stack: Vec<(u32, usize, usize, usize)> = vec![(root, 0, 0, patterns.len())];
        while let Some((node, depth, mut start, end)) = stack.pop() {
            if start < end && patterns[start].0.len() == depth {
                nodes[node as usize].value = patterns[start].1;
                start += 1;
            }
            let first_edge = labels.len() as u32;
            let mut count = 0;
            while start < end {
                let byte = patterns[start].0[depth];
                let group_end =
                    start + patterns[start..end].partition_point(|(p, _)| p[depth] == byte);
                let child = push_node(&mut nodes);
                labels.push(byte);
                targets.push(child);
                stack.push((child, depth + 1, start, group_end));
                count += 1;
                start = group_end;
            }
            let n = &mut nodes[node as usize];
            n.first_edge = first_edge;
            n.edge_count = count;
        }

        // Breadth-first layout.
        let size = |n: &Node| 2 + (n.edge_count as usize).div_ceil(4) + n.edge_count as usize;
        let mut order = Vec::with_capacity(nodes.len());
        let mut offset = vec![0u32; nodes.len()];
        let mut total = 0usize;
        order.push(root);
        let mut head = 0;
        while head < order.len() {
            let id = order[head] as usize;
            head += 1;
            offset[id] = total as u32;
            total += size(&nodes[id]);
            let n = nodes[id];
            order.extend_from_slice(
                &targets[n.first_edge as usize..(n.first_edge + n.edge_count) as usize],
            );
        }
        let mut data = Vec::with_capacity(total);
        for &id in &order {
            let n = nodes[id as usize];
            let edges = n.first_edge as usize..(n.first_edge + n.edge_count) as usize;
            data.push(n.value);
            data.push(n.edge_count);
            for chunk in labels[edges.clone()].chunks(4) {
                let mut word = [0u8; 4];
                word[..chunk.len()].copy_from_slice(chunk);
                data.push(u32::from_le_bytes(word));
            }
            data.extend(targets[edges].iter().map(|&t| offset[t as usize]));
        }

        let mut root_table = Box::new([NONE; 256]);
        let mut second = Vec::new();
        let r = nodes[root as usize];
        for e in r.first_edge..r.first_edge + r.edge_count {
            let (a, child) = (labels[e as usize], nodes[targets[e as usize] as usize]);
            let mut table = Box::new([NONE; 256]);
            for ce in child.first_edge..child.first_edge + child.edge_count {
                let b = labels[ce as usize];
                let target = offset[targets[ce as usize] as usize];
                table[b as usize] = target;
                if ascii_lowercase && b.is_ascii_lowercase() {
                    table[b.to_ascii_uppercase() as usize] = target;
                }
            }
            root_table[a as usize] = second.len() as u32;
            second.push((child.value, table));
        }
        if ascii_lowercase {
            for b in b'a'..=b'z' {
                root_table[b.to_ascii_uppercase() as usize] = root_table[b as usize];
            }
        }
        Trie {
            root: root_table,
            second,
            data,
            ascii_lowercase,
        }
    }

    /// Walks `text` from `at` and calls `on_match(end, value)` for every
    /// pattern that starts at `at`, shortest first.
    #[inline]
    pub(crate) fn walk(&self, text: &[u8], at: usize, mut on_match: impl FnMut(usize, u32)) {
        let Some(&first) = text.get(at) else { return };
        let Some((value, table)) = self.second.get(self.root[first as usize] as usize) else {
            return;
        };
        if *value != NONE {
            on_match(at + 1, *value);
        }
        let Some(&second) = text.get(at + 1) else {
            return;
        };
        let mut node = table[second as usize];
        let mut pos = at + 2;
        while node != NONE {
            let Some(header) = self.data.get(node as usize..node as usize + 2) else {
                return;
            };
            let (value, count) = (header[0], header[1] as usize);
            if value != NONE {
                on_match(pos, value);
            }
            let Some(&byte) = text.get(pos) else { return };
            let byte = if self.ascii_lowercase {
                byte.to_ascii_lowercase()
            } else {
                byte
            };
            let label_words = count.div_ceil(4);
            let base = node as usize + 2;
            let Some(words) = self.data.get(base..base + label_words) else {
                return;
            };
            let mut found = None;
            for (w, word) in words.iter().enumerate() {
                let bytes = word.to_le_bytes();
                if let Some(k) = bytes.iter().position(|&l| l == byte) {
                    if w * 4 + k < count {
                        found = Some(w * 4 + k);
                    }
                    break;
                }
            }
            node = match found {
                Some(i) => self
                    .data
                    .get(base + label_words + i)
                    .copied()
                    .unwrap_or(NONE),
                None => NONE,
            };
            pos += 1;
        }
    }

    /// True when some pattern starts with `byte`.
    #[inline]
    pub(crate) fn starts_with(&self, byte: u8) -> bool {
        self.root[byte as usize] != NONE
    }

    /// Bytes of memory the trie holds.
    pub(crate) fn memory_usage(&self) -> usize {
        256 * 4 + self.second.len() * (4 + 256 * 4) + self.data.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(words: &[&str], lower: bool) -> Trie {
        let mut patterns: Vec<(Vec<u8>, u32)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_bytes().to_vec(), i as u32))
            .collect();
        patterns.sort();
        Trie::new(&patterns, lower)
    }

    fn matches(t: &Trie, text: &str, at: usize) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        t.walk(text.as_bytes(), at, |end, v| out.push((end, v)));
        out
    }

    #[test]
    fn finds_every_pattern_starting_at_a_position() {
        let t = trie(&["Iraq", "Iran", "Iraq War", "I", "Baghdad"], false);
        assert_eq!(matches(&t, "Iraq War began", 0), [(1, 3), (4, 0), (8, 2)]);
        assert_eq!(matches(&t, "Iranian", 0), [(1, 3), (4, 1)]);
        assert_eq!(matches(&t, "in Baghdad", 3), [(10, 4)]);
        assert_eq!(matches(&t, "iraq", 0), []);
        assert_eq!(matches(&t, "", 0), []);
    }

    #[test]
    fn folds_ascii_case_when_asked() {
        let t = trie(&["ibuprofen"], true);
        assert_eq!(matches(&t, "IbuProfen", 0), [(9, 0)]);
        assert!(t.starts_with(b'I') && t.starts_with(b'i') && !t.starts_with(b'x'));
    }
}
