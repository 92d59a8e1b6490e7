package vn.lienthong.app.directory;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

import vn.lienthong.directory.DirectoryValidationException;

/** Puts the directory's refusal next to the field it names, or above the form if the form has no such field. */
final class FormErrors {

    private FormErrors() {
    }

    static void reject(BindingResult result, DirectoryValidationException refusal) {
        String field = refusal.field();
        Object target = result.getTarget();
        if (field != null && target != null && new BeanWrapperImpl(target).isReadableProperty(field)) {
            result.rejectValue(field, "directory.invalid", refusal.getMessage());
        }
        else {
            result.reject("directory.invalid", refusal.getMessage());
        }
    }
}
