package io.ironlease.shared.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" hints: the closest known word by edit distance (adjacent swaps count as one edit). */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate nearest to {@code word} when it is close enough to be a likely typo. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String wanted = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, wanted.length() / 4 + 1));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT), limit);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit && bestDistance > 0 ? Optional.of(best) : Optional.empty();
    }

    /**
     * The message for an unknown word: {@code unknown WHAT "word" (did you mean "x"?); expected one of: ...}.
     */
    static String unknown(String what, Token word, Collection<String> candidates, Collection<String> expected) {
        String hint = closest(word.text(), candidates).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
        return "unknown " + what + " " + word.describe() + hint + "; expected one of: " + String.join(", ", expected);
    }

    /** Optimal string alignment distance; answers {@code limit + 1} early for far-apart words. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit || a.length() > 200 || b.length() > 200) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
