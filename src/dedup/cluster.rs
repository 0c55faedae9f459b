//! Near-duplicate clusters: connected components over strong pairs.

/// Union-find over article indices.
pub struct Components {
    parent: Vec<u32>,
}

impl Components {
    /// `n` singletons.
    pub fn new(n: usize) -> Self {
        Components {
            parent: (0..n as u32).collect(),
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = p;
        }
        x
    }

    /// Joins the groups of `a` and `b` (the smaller index becomes the root, so roots are
    /// first members).
    pub fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi as usize] = lo;
        }
    }

    /// Groups of at least two members, each in input order, ordered by first member.
    pub fn groups(mut self, members: &[u32]) -> Vec<Vec<u32>> {
        let mut tagged: Vec<(u32, u32)> = members.iter().map(|&m| (self.find(m), m)).collect();
        tagged.sort_unstable();
        tagged.dedup();
        let mut out: Vec<Vec<u32>> = Vec::new();
        let mut i = 0;
        while i < tagged.len() {
            let mut j = i + 1;
            while j < tagged.len() && tagged[j].0 == tagged[i].0 {
                j += 1;
            }
            if j - i >= 2 {
                out.push(tagged[i..j].iter().map(|x| x.1).collect());
            }
            i = j;
        }
        out.sort_unstable_by_key(|g| g[0]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_in_input_order() {
        let mut c = Components::new(6);
        c.union(4, 1);
        c.union(5, 4);
        c.union(2, 3);
        let g = c.groups(&[1, 4, 5, 2, 3, 0]);
        assert_eq!(g, vec![vec![1, 4, 5], vec![2, 3]]);
    }
}
