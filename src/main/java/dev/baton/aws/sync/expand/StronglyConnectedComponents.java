package dev.baton.aws.sync.expand;

import java.util.Arrays;

/**
 * Tarjan's algorithm without recursion (group nesting can be thousands deep, which would overflow the Java
 * stack). Components come out in reverse topological order: when an edge leads from component a to component b,
 * then {@code a > b}.
 */
final class StronglyConnectedComponents {
    private final int[] componentOfNode;
    private final int componentCount;

    private StronglyConnectedComponents(int[] componentOfNode, int componentCount) {
        this.componentOfNode = componentOfNode;
        this.componentCount = componentCount;
    }

    static StronglyConnectedComponents of(int[][] adjacency) {
        return new Search(adjacency).run();
    }

    int component(int node) {
        return componentOfNode[node];
    }

    int componentCount() {
        return componentCount;
    }

    private static final class Search {
        private final int[][] adjacency;
        private final int[] index;
        private final int[] lowLink;
        private final boolean[] onStack;
        private final int[] stack;
        private final int[] callNode;
        private final int[] callEdge;
        private final int[] component;
        private int stackSize;
        private int nextIndex;
        private int components;

        Search(int[][] adjacency) {
            int n = adjacency.length;
            this.adjacency = adjacency;
            index = new int[n];
            Arrays.fill(index, -1);
            lowLink = new int[n];
            onStack = new boolean[n];
            stack = new int[n];
            callNode = new int[n];
            callEdge = new int[n];
            component = new int[n];
        }

        StronglyConnectedComponents run() {
            for (int node = 0; node < adjacency.length; node++) {
                if (index[node] < 0) {
                    visitFrom(node);
                }
            }
            return new StronglyConnectedComponents(component, components);
        }

        /** One depth-first search; {@code callNode/callEdge} replace the recursion's frames. */
        private void visitFrom(int root) {
            int depth = 0;
            enter(root);
            callNode[0] = root;
            callEdge[0] = 0;
            while (depth >= 0) {
                int node = callNode[depth];
                if (callEdge[depth] < adjacency[node].length) {
                    int next = adjacency[node][callEdge[depth]++];
                    if (index[next] < 0) {
                        enter(next);
                        depth++;
                        callNode[depth] = next;
                        callEdge[depth] = 0;
                    } else if (onStack[next]) {
                        lowLink[node] = Math.min(lowLink[node], index[next]);
                    }
                    continue;
                }
                if (lowLink[node] == index[node]) {
                    popComponent(node);
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    lowLink[parent] = Math.min(lowLink[parent], lowLink[node]);
                }
            }
        }

        private void enter(int node) {
            index[node] = nextIndex;
            lowLink[node] = nextIndex;
            nextIndex++;
            stack[stackSize++] = node;
            onStack[node] = true;
        }

        private void popComponent(int root) {
            int member;
            do {
                member = stack[--stackSize];
                onStack[member] = false;
                component[member] = components;
            } while (member != root);
            components++;
        }
    }
}
