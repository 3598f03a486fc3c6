package adapters.fileformat.text;

import domain.ecg.Lead;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns the free-text signal descriptions of a file into valid, unique lead names: each run of characters
 * outside {@code [A-Za-z0-9_-]} becomes one {@code _}, leading and trailing {@code _} go, at most 16
 * characters stay, an empty result becomes {@code sig<index>}, and a repeated name gets {@code _2}, {@code _3}, ...
 */
public final class LeadNames {

    private final Set<String> taken = new HashSet<>();

    /** @param index the zero-based position of the signal in its file, for the fallback name */
    public String next(String description, int index) {
        String base = sanitize(description);
        if (base.isEmpty()) {
            base = "sig" + index;
        }
        String name = base;
        for (int copy = 2; !taken.add(name); copy++) {
            String suffix = "_" + copy;
            name = trimUnderscores(base.substring(0, Math.min(base.length(), Lead.MAX_NAME_LENGTH - suffix.length())))
                    + suffix;
        }
        return name;
    }

    static String sanitize(String description) {
        if (description == null) {
            return "";
        }
        StringBuilder name = new StringBuilder(description.length());
        boolean replacing = false;
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (allowed) {
                name.append(c);
            } else if (!replacing) {
                name.append('_'); // one underscore for a run: "lead I (wrist)" -> lead_I_wrist
            }
            replacing = !allowed;
        }
        String trimmed = trimUnderscores(name.toString());
        return trimUnderscores(trimmed.substring(0, Math.min(trimmed.length(), Lead.MAX_NAME_LENGTH)));
    }

    private static String trimUnderscores(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '_') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '_') {
            end--;
        }
        return s.substring(start, end);
    }
}
