package io.firerisk.campaigns.wanzhou;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The GB 35181 elements a test specifies. docs/criteria.md lists each annotated test under its
 * elements, so the document says where every element is tested.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {
    String[] value();
}
