package io.firerisk.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.firerisk.io.InputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;

/**
 * A Parquet venue file as the JSON Lines the one venue reader reads: row N becomes line N, the JSON object of
 * the row's columns, so a Parquet venue is parsed, checked and rejected exactly as the same record in a JSON Lines
 * file is (an unknown column, a value out of range, a venue id given twice: a reject naming the row and field).
 *
 * <p>The Parquet venue schema is the JSON Lines record's, column for column (README, <i>Parquet input</i>): top-level columns named as the record's fields ({@code id}, {@code kind}, {@code occupants} …);
 * {@code findings} a list of structs with the finding's fields, {@code plan} a struct inside it;
 * {@code uses} and {@code placeClasses} lists of strings. A column's value is written as JSON by its type: text
 * (STRING, ENUM, JSON or plain BINARY) as a string, DATE as {@code YYYY-MM-DD}, whole numbers, floating
 * point and DECIMAL as numbers, BOOLEAN as true/false, a struct as an object, a LIST (standard three-level or
 * legacy two-level) or repeated field as an array. A null column is absent from the record, as a field left out
 * of a JSON line is. Columns of any other type (INT96 and TIMESTAMP, TIME, INTERVAL, MAP) are no venue field: the
 * file is refused before any task starts, naming the column. Text is UTF-8, as the format says; a value that is
 * not rejects its row.
 */
final class ParquetLines extends InputStream {

    private static final JsonFactory JSON = new JsonFactory();

    private final ParquetReader<Group> reader;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private byte[] buffer = new byte[0];
    private int position;
    private boolean ended;

    private ParquetLines(ParquetReader<Group> reader) {
        this.reader = reader;
    }

    /**
     * Opens the file, checking first that every column is of a type a venue field can have.
     *
     * @param name the file as the user named it, for messages
     * @throws InputException when a column's type is none a venue field has
     */
    static ParquetLines open(Path path, Configuration conf, String name) throws IOException, InputException {
        MessageType schema;
        try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
            schema = footer.getFooter().getFileMetaData().getSchema();
        } catch (RuntimeException e) {
            throw new InputException(name + ": is not a Parquet file: " + e.getMessage(), e);
        }
        check(schema, "", name);
        return new ParquetLines(ParquetReader.builder(new GroupReadSupport(), path).withConf(conf).build());
    }

    private static void check(GroupType group, String prefix, String name) throws InputException {
        for (Type t : group.getFields()) {
            String column = prefix + t.getName();
            LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
            if (!t.isPrimitive()) {
                if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
                    throw unsupported(name, column, "a MAP");
                }
                check(t.asGroupType(), column + ".", name);
                continue;
            }
            PrimitiveType p = t.asPrimitiveType();
            boolean fits = switch (p.getPrimitiveTypeName()) {
                case BOOLEAN, FLOAT, DOUBLE -> a == null;
                case INT32 -> a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
                case INT64 -> a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
                case BINARY -> a == null || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
                case FIXED_LEN_BYTE_ARRAY -> a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
                case INT96 -> false;
            };
            if (!fits) {
                throw unsupported(name, column, p.getPrimitiveTypeName() + (a == null ? "" : " " + a));
            }
        }
    }

    private static InputException unsupported(String name, String column, String type) {
        return new InputException(name + ": column '" + column + "' is " + type + ", which no venue field is: a"
                + " venue's columns are text, numbers, booleans, dates (DATE), structs and lists, named as the JSON"
                + " Lines record's fields (README, Parquet input)");
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, into, offset, n);
        position += n;
        return n;
    }

    /** Makes the next row's line the buffer when the last is used up; false at the end of the file. */
    private boolean fill() throws IOException {
        while (position == buffer.length) {
            if (ended) {
                return false;
            }
            Group row = reader.read();
            if (row == null) {
                ended = true;
                return false;
            }
            line.reset();
            try (JsonGenerator g = JSON.createGenerator(line)) {
                object(g, row);
            }
            line.write('\n');
            buffer = line.toByteArray();
            position = 0;
        }
        return true;
    }

    private static void object(JsonGenerator g, Group group) throws IOException {
        GroupType type = group.getType();
        g.writeStartObject();
        for (int i = 0; i < type.getFieldCount(); i++) {
            int count = group.getFieldRepetitionCount(i);
            Type field = type.getType(i);
            if (count == 0 && !field.isRepetition(Type.Repetition.REPEATED)) {
                continue;   // null: absent, as a field left out of a JSON line
            }
            g.writeFieldName(field.getName());
            if (field.isRepetition(Type.Repetition.REPEATED)) {
                g.writeStartArray();
                for (int k = 0; k < count; k++) {
                    value(g, group, i, k, field);
                }
                g.writeEndArray();
            } else {
                value(g, group, i, 0, field);
            }
        }
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Group group, int field, int index, Type type) throws IOException {
        if (!type.isPrimitive()) {
            Group child = group.getGroup(field, index);
            if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
                list(g, child);
            } else {
                object(g, child);
            }
            return;
        }
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        int scale = a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : -1;
        switch (type.asPrimitiveType().getPrimitiveTypeName()) {
            case BOOLEAN -> g.writeBoolean(group.getBoolean(field, index));
            case INT32 -> {
                int v = group.getInteger(field, index);
                if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    g.writeString(LocalDate.ofEpochDay(v).toString());
                } else if (scale >= 0) {
                    g.writeNumber(BigDecimal.valueOf(v, scale));
                } else {
                    g.writeNumber(v);
                }
            }
            case INT64 -> {
                long v = group.getLong(field, index);
                if (scale >= 0) {
                    g.writeNumber(BigDecimal.valueOf(v, scale));
                } else {
                    g.writeNumber(v);
                }
            }
            case FLOAT -> g.writeNumber(group.getFloat(field, index));
            case DOUBLE -> g.writeNumber(group.getDouble(field, index));
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                Binary b = group.getBinary(field, index);
                if (scale >= 0) {
                    g.writeNumber(new BigDecimal(new BigInteger(b.getBytes()), scale));
                } else {
                    // The bytes as they are: text that is not UTF-8 is found by the reader and rejects the row.
                    byte[] bytes = b.getBytes();
                    g.writeUTF8String(bytes, 0, bytes.length);
                }
            }
            case INT96 -> throw new IllegalStateException("INT96 is refused when the file is opened");
        }
    }

    /**
     * A LIST group: its repeated field holds the elements, either as a group of one field (the standard
     * {@code list.element}, or a legacy {@code array}/{@code *_tuple} wrapper) or as the elements themselves.
     */
    private static void list(JsonGenerator g, Group list) throws IOException {
        g.writeStartArray();
        if (list.getType().getFieldCount() == 1) {
            Type repeated = list.getType().getType(0);
            int count = list.getFieldRepetitionCount(0);
            boolean wrapper = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
                    && (repeated.getName().equals("list") || repeated.getName().equals("array")
                    || repeated.getName().endsWith("_tuple"));
            for (int k = 0; k < count; k++) {
                if (wrapper) {
                    Group element = list.getGroup(0, k);
                    if (element.getFieldRepetitionCount(0) == 0) {
                        g.writeNull();   // a null element: the reader says what the field may hold
                    } else {
                        value(g, element, 0, 0, repeated.asGroupType().getType(0));
                    }
                } else {
                    value(g, list, 0, k, repeated);
                }
            }
        }
        g.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
