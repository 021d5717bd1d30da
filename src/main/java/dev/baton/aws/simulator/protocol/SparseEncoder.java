package dev.baton.aws.simulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.protocol.MemberRule.Content;
import dev.baton.aws.simulator.protocol.ResponseModel.Service;
import dev.baton.aws.simulator.protocol.ResponseModel.Shape;
import dev.baton.aws.simulator.world.SparseMode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Leaves out of a reply the members {@link MemberRule} drops, walking the reply along the operation's output shape
 * from {@link ResponseModel}: JSON 1.1 bodies as trees, awsQuery results as XML (lists are {@code <member>}
 * elements). Members the model does not know are kept; a reply of an operation the model lacks is left whole.
 */
public final class SparseEncoder {
    private final ResponseModel model;
    private final MemberRule rule;

    public SparseEncoder(ResponseModel model, SparseMode mode, long seed) {
        this.model = model;
        this.rule = new MemberRule(mode, seed);
    }

    /** True unless the mode is {@code none}, in which case both methods return their input. */
    public boolean active() {
        return rule.active();
    }

    /** The JSON body of {@code operation} of the service with {@code targetPrefix}, sparse. */
    public JsonNode json(String targetPrefix, String operation, JsonNode body) {
        Optional<Service> service = model.byTargetPrefix(targetPrefix);
        if (!rule.active() || body == null || !body.isObject() || service.isEmpty()) {
            return body;
        }
        Shape output = service.get().output(operation).map(service.get()::shape).orElse(null);
        if (output == null) {
            return body;
        }
        ObjectNode copy = body.deepCopy();
        structure(service.get(), output, copy, true, service.get().name() + "." + operation);
        return copy;
    }

    private void structure(Service service, Shape shape, ObjectNode node, boolean topLevel, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String member = field.getKey();
            JsonNode value = field.getValue();
            if (!shape.members().containsKey(member)) {
                continue;
            }
            Shape target = service.shape(shape.memberShape(member));
            String memberPath = path + "/" + member;
            if (value.isNull()
                    || !rule.keep(shape, member, topLevel, content(target, value), value.asText(), memberPath)) {
                fields.remove();
            } else {
                value(service, target, value, memberPath);
            }
        }
    }

    private void value(Service service, Shape shape, JsonNode value, String path) {
        if (shape == null) {
            return;
        }
        switch (shape.kind()) {
            case STRUCTURE -> {
                if (value.isObject()) {
                    structure(service, shape, (ObjectNode) value, false, path);
                }
            }
            case LIST -> {
                if (value.isArray()) {
                    ArrayNode items = (ArrayNode) value;
                    for (int i = 0; i < items.size(); i++) {
                        value(service, service.shape(shape.element()), items.get(i), path + "/" + i);
                    }
                }
            }
            case MAP ->
                value.properties()
                        .forEach(entry -> value(
                                service,
                                service.shape(shape.element()),
                                entry.getValue(),
                                path + "/" + entry.getKey()));
        }
    }

    private static Content content(Shape shape, JsonNode value) {
        if (shape == null) {
            return Content.SCALAR;
        }
        if (shape.kind() == Shape.Kind.STRUCTURE) {
            return Content.STRUCTURE;
        }
        return value.isEmpty() ? Content.EMPTY_COLLECTION : Content.FILLED_COLLECTION;
    }

    /** The inner XML of {@code <ActionResult>} for {@code action} of the query service with {@code version}. */
    public String query(String version, String action, String result) {
        Optional<Service> service = model.byQueryVersion(version);
        if (!rule.active() || result == null || service.isEmpty()) {
            return result;
        }
        Shape output = service.get().output(action).map(service.get()::shape).orElse(null);
        if (output == null) {
            return result;
        }
        Element root = parse(result);
        structure(service.get(), output, root, true, service.get().name() + "." + action);
        StringBuilder out = new StringBuilder(result.length());
        for (Element child : children(root, null)) {
            write(child, out);
        }
        return out.toString();
    }

    private void structure(Service service, Shape shape, Element element, boolean topLevel, String path) {
        for (Element child : children(element, null)) {
            String member = child.getTagName();
            if (!shape.members().containsKey(member)) {
                continue;
            }
            Shape target = service.shape(shape.memberShape(member));
            String memberPath = path + "/" + member;
            if (rule.keep(shape, member, topLevel, content(target, child), child.getTextContent(), memberPath)) {
                value(service, target, child, memberPath);
            } else {
                element.removeChild(child);
            }
        }
    }

    private void value(Service service, Shape shape, Element element, String path) {
        if (shape == null) {
            return;
        }
        switch (shape.kind()) {
            case STRUCTURE -> structure(service, shape, element, false, path);
            case LIST -> {
                List<Element> items = children(element, "member");
                for (int i = 0; i < items.size(); i++) {
                    value(service, service.shape(shape.element()), items.get(i), path + "/" + i);
                }
            }
            case MAP -> {
                for (Element entry : children(element, "entry")) {
                    for (Element entryValue : children(entry, "value")) {
                        value(
                                service,
                                service.shape(shape.element()),
                                entryValue,
                                path + "/"
                                        + children(entry, "key").stream()
                                                .map(Node::getTextContent)
                                                .findFirst()
                                                .orElse(""));
                    }
                }
            }
        }
    }

    private static Content content(Shape shape, Element element) {
        if (shape == null) {
            return Content.SCALAR;
        }
        if (shape.kind() == Shape.Kind.STRUCTURE) {
            return Content.STRUCTURE;
        }
        return children(element, null).isEmpty() ? Content.EMPTY_COLLECTION : Content.FILLED_COLLECTION;
    }

    private static List<Element> children(Element element, String name) {
        List<Element> result = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && (name == null || e.getTagName().equals(name))) {
                result.add(e);
            }
        }
        return result;
    }

    private static Element parse(String fragment) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader("<result>" + fragment + "</result>")))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("the simulator wrote a reply that is not XML", e);
        }
    }

    /** Elements and text only: the simulator's replies carry no attributes below the root. */
    private static void write(Node node, StringBuilder out) {
        if (node instanceof Element element) {
            out.append('<').append(element.getTagName()).append('>');
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                write(child, out);
            }
            out.append("</").append(element.getTagName()).append('>');
        } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            out.append(XmlWriter.escape(node.getNodeValue()));
        }
    }
}
