package adapters.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;
import java.nio.file.Path;

/**
 * Takes {@code sinus.data-dir} as the operator wrote it: a relative path such as {@code data3} means
 * {@code ./data3}, relative to the working directory. (H2 refuses a database path that is relative
 * without saying so, which would otherwise stop Sinus at every start.)
 */
@Priority(3000) // inside the expression interceptor (3300), so that ${sinus.data-dir} in other keys gets it too
public class DataDirectory implements ConfigSourceInterceptor {

    static final String KEY = "sinus.data-dir";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!KEY.equals(name) || value == null || value.getValue() == null) {
            return value;
        }
        return value.withValue(explicit(value.getValue().strip()));
    }

    static String explicit(String directory) {
        if (directory.isEmpty() || Path.of(directory).isAbsolute() || directory.startsWith("./")
                || directory.startsWith("../") || directory.equals(".") || directory.startsWith("~")) {
            return directory.isEmpty() ? "." : directory;
        }
        return "./" + directory;
    }
}
