package io.rotation.identity.user.model;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password bcrypt can hash whole: at most {@value #MAX_BYTES} bytes in UTF-8. bcrypt ignores
 * every byte past the 72nd, so a longer password would be accepted and then checked only by its
 * start: it is refused instead (a 72-byte limit is 18 to 72 characters, depending on the script).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BcryptPassword.Validator.class)
public @interface BcryptPassword {

    int MAX_BYTES = 72;

    String message() default "must be at most 72 bytes in UTF-8 (bcrypt's limit)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BcryptPassword, String> {

        public static boolean fits(String password) {
            return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || fits(value);
        }
    }
}
