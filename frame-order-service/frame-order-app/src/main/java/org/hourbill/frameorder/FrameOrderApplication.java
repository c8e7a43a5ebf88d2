package org.hourbill.frameorder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Frame orders: customers' blanket purchase orders, pools of pre-agreed hours that invoices draw down. */
@SpringBootApplication
public class FrameOrderApplication {
    public static void main(String[] args) {
        SpringApplication.run(FrameOrderApplication.class, args);
    }
}
