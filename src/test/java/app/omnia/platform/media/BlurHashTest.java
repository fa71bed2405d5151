package app.omnia.platform.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlurHashTest {

    @Test
    void fourByThreeComponentsMakeTwentyEightCharacters() {
        // 1 (size flag) + 1 (maximum AC) + 4 (DC colour) + 2 for each of the 11 AC components.
        assertThat(BlurHash.encode(gradient(Color.RED, Color.BLUE), 4, 3)).hasSize(28);
        assertThat(BlurHash.encode(gradient(Color.RED, Color.BLUE), 1, 1)).hasSize(6);
        assertThat(BlurHash.encode(gradient(Color.RED, Color.BLUE), 9, 9)).hasSize(4 + 2 * 81);
    }

    @Test
    void differentImagesHaveDifferentHashes() {
        String redToBlue = BlurHash.encode(gradient(Color.RED, Color.BLUE), 4, 3);
        String greenToYellow = BlurHash.encode(gradient(Color.GREEN, Color.YELLOW), 4, 3);
        String flatGrey = BlurHash.encode(flat(Color.GRAY, 32, 32), 4, 3);

        assertThat(redToBlue).isNotEqualTo(greenToYellow).isNotEqualTo(flatGrey);
        assertThat(greenToYellow).isNotEqualTo(flatGrey);
    }

    @Test
    void aFlatImageHasAStableHash() {
        String white = BlurHash.encode(flat(Color.WHITE, 32, 32), 4, 3);

        assertThat(BlurHash.encode(flat(Color.WHITE, 32, 32), 4, 3)).isEqualTo(white);
        // Worked by hand. Size flag (4-1)+(3-1)*9 = 21 -> "L". DC 0xFFFFFF = 29*83^3 + 28*83^2 + 30*83 + 10
        // -> "TSUA". The basis samples cos(pi*i*x/32) at whole pixels (as the reference encoder does), so over a
        // flat image an odd component sums to 1, not 0: its factor is 2/32 = 0.0625, quantised maximum
        // floor(0.0625*166 - 0.5) = 9 -> "9", and it encodes as 18*19*19 + 18*19 + 18 = 6858 -> "~q"; an even
        // one sums to 0 and encodes as 9*19*19 + 9*19 + 9 = 3429 -> "fQ"; odd in both directions gives "of".
        assertThat(white).isEqualTo("L9TSUA" + "~q" + "fQ" + "~q" + "~q" + "of" + "fQ" + "of" + "fQ" + "fQ" + "fQ" + "fQ");
    }

    @Test
    void componentCountsOutsideOneToNineAreRefused() {
        assertThatThrownBy(() -> BlurHash.encode(flat(Color.WHITE, 4, 4), 0, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlurHash.encode(flat(Color.WHITE, 4, 4), 4, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BufferedImage flat(Color colour, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static BufferedImage gradient(Color from, Color to) {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, from, 48, 32, to));
        g.fillRect(0, 0, 48, 32);
        g.dispose();
        return image;
    }
}
